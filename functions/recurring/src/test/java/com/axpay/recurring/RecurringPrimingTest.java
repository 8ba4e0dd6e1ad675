package com.axpay.recurring;

import com.axpay.core.agreement.DunningPolicy;
import com.axpay.kit.FunctionRoot;
import com.axpay.kit.SnapStartHooks;
import com.axpay.kit.config.PaymentsConfig;
import com.axpay.kit.testing.DynamoDbLocal;
import com.axpay.kit.testing.RefusingServer;
import com.axpay.soap.transport.PrimingEndpoint;
import com.axpay.store.dynamodb.DynamoDbClients;
import com.axpay.store.dynamodb.StoreConfig;
import com.axpay.store.dynamodb.TableDefinitions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recurring functions prime like the payment functions: the same hooks run the SOAP request path inside the JVM
 * and a DynamoDB read; nothing reaches Axerve (a counting HTTP server stands in for it), nothing is written, no
 * secret is asked for.
 */
class RecurringPrimingTest {

    @Test
    void primingRunsTheRequestPathSendsNothingAndWritesNothing() throws Exception {
        AtomicInteger secretReads = new AtomicInteger();
        RefusingServer axerve = RefusingServer.start();
        Map<String, String> env = new HashMap<>();
        env.put("AXERVE_ENV", axerve.url());
        env.put("AXERVE_SHOP_LOGIN", "GESPAY00001");
        env.put("AXERVE_APIKEY_SECRET_ARN", "arn:aws:secretsmanager:eu-south-1:123456789012:secret:axerve");
        env.put("RETURN_URL_ALLOWLIST", "https://shop.example.test/done");
        env.put("DEFAULT_RETURN_URL", "https://shop.example.test/done");
        env.put("PAYMENTS_TABLE", "recurring-priming-" + UUID.randomUUID());
        env.put("DYNAMODB_ENDPOINT", DynamoDbLocal.endpoint().toString());
        env.put("AWS_REGION", "eu-south-1");
        try (DynamoDbClient ddb = DynamoDbClients.create(StoreConfig.fromEnvironment(env))) {
            TableDefinitions.createPaymentsTable(ddb, env.get("PAYMENTS_TABLE"));
            PaymentsConfig config = PaymentsConfig.fromEnvironment(env, id -> {
                secretReads.incrementAndGet();
                return "never-used";
            });
            try (RecurringWiring wiring = RecurringWiring.create(config, Clock.systemUTC(), messages -> {
                throw new AssertionError("priming enqueued a charge");
            }, DunningPolicy.defaults())) {
                SnapStartHooks hooks = SnapStartHooks.register("Recurring", wiring::prime, config.secrets());
                int exchanges = PrimingEndpoint.exchanges();

                hooks.beforeCheckpoint(null);

                FunctionRoot.Primed primed = assertInstanceOf(FunctionRoot.Primed.class, hooks.lastPrimed());
                assertEquals(List.of("PRIMING", "priming-1", "MOV", "OK", "OK", "OK", "OK", "OK"), primed.soap().parsed());
                assertTrue(primed.dynamoDbRead());
                assertEquals(exchanges + 8, PrimingEndpoint.exchanges());
                assertEquals(0, axerve.requests(), "priming reached Axerve");
                assertEquals(0, secretReads.get(), "priming read a secret");
                assertEquals(0, ddb.scan(s -> s.tableName(env.get("PAYMENTS_TABLE"))).count(), "priming wrote");
            }
        } finally {
            axerve.close();
        }
    }
}
