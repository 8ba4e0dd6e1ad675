package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.kit.FunctionRoot;
import com.axpay.kit.SnapStartHooks;
import com.axpay.kit.config.PaymentsConfig;
import com.axpay.kit.config.Secret;
import com.axpay.kit.config.SecretsExtensionClient;
import com.axpay.kit.testing.DynamoDbLocal;
import com.axpay.kit.testing.Events;
import com.axpay.kit.testing.RefusingServer;
import com.axpay.kit.testing.SecretsExtensionStandIn;
import com.axpay.kit.testing.SimAdmin;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.stack.PaymentStack;
import com.axpay.simulator.AxerveSimulator;
import com.axpay.simulator.SimulatorOptions;
import com.axpay.soap.transport.PrimingEndpoint;
import com.axpay.store.dynamodb.DynamoDbClients;
import com.axpay.store.dynamodb.StoreConfig;
import com.axpay.store.dynamodb.TableDefinitions;
import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deployed secret path, on real parts: the handlers read both secrets through an HTTP stand-in of the Parameters
 * and Secrets extension (which, like the real one, refuses calls before the first invocation), Encrypt goes to the
 * simulator, whose merchant requires the apikey, and the payments to DynamoDB Local. Time for the secrets' TTL is a
 * test clock.
 */
class SecretsInInvokeTest {

    private static final String SF_ARN = "arn:aws:secretsmanager:eu-south-1:123456789012:secret:storefront-Ab12Cd";
    private static final String AX_ARN = "arn:aws:secretsmanager:eu-south-1:123456789012:secret:axerve-Ef34Gh";
    private static final String APIKEY_1 = "apikey-one-0f9e8d7c";
    private static final String APIKEY_2 = "apikey-two-6b5a4938";
    private static final String SF_KEY_2 = "storefront-key-rotated-77aa";

    private SecretsExtensionStandIn extension;
    private AxerveSimulator sim;
    private SimAdmin admin;
    private Map<String, String> env;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @BeforeEach
    void start() throws IOException {
        extension = new SecretsExtensionStandIn();
        extension.put(SF_ARN, Events.STOREFRONT_KEY);
        extension.put(AX_ARN, APIKEY_1);
        sim = AxerveSimulator.start(SimulatorOptions.defaults().port(0));
        admin = new SimAdmin(sim.baseUrl());
        admin.putMerchant(Map.of("shopLogin", PaymentStack.SHOP, "apikey", APIKEY_1));
        env = new HashMap<>(extension.environment());
        env.put("AXERVE_ENV", sim.baseUrl());
        env.put("AXERVE_SHOP_LOGIN", PaymentStack.SHOP);
        env.put("AXERVE_APIKEY_SECRET_ARN", AX_ARN);
        env.put("STOREFRONT_API_KEY_SECRET_ARN", SF_ARN);
        env.put("RETURN_URL_ALLOWLIST", PaymentStack.RETURN_URL + ", " + PaymentStack.DEFAULT_RETURN_URL);
        env.put("DEFAULT_RETURN_URL", PaymentStack.DEFAULT_RETURN_URL);
        env.put("PAYMENTS_TABLE", "payments-" + UUID.randomUUID());
        env.put("DYNAMODB_ENDPOINT", DynamoDbLocal.endpoint().toString());
        env.put("AWS_REGION", "eu-south-1");
        try (DynamoDbClient ddb = DynamoDbClients.create(StoreConfig.fromEnvironment(env))) {
            TableDefinitions.createPaymentsTable(ddb, env.get("PAYMENTS_TABLE"));
        }
    }

    @AfterEach
    void stop() {
        extension.close();
        sim.close();
    }

    /** Init as Lambda runs it: config and clients from the environment, the handlers' constructors. */
    private PaymentsWiring init() {
        PaymentsConfig config = PaymentsConfig.fromEnvironment(env, SecretsExtensionClient.fromEnvironment(env),
                Secret.DEFAULT_TTL, nanos::get);
        return PaymentsWiring.create(config, Clock.systemUTC());
    }

    private PaymentsWiring initWithAxerveAt(RefusingServer axerve) {
        env.put("AXERVE_ENV", axerve.url());
        return init();
    }

    private static APIGatewayV2HTTPResponse start(StartPaymentHandler h, String orderId) {
        return h.handleRequest(Events.startPayment(PaymentStack.body(orderId, "12.50")), null);
    }

    private static Map<String, Object> json(APIGatewayV2HTTPResponse r) {
        try {
            return JSON.std.mapFrom(r.getBody());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String errorCode(APIGatewayV2HTTPResponse r) {
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) json(r).get("error");
        return error == null ? null : (String) error.get("code");
    }

    @Test
    void initReadsNoSecretAndTheFirstInvocationReadsEachOnceThenFromCache() {
        try (PaymentsWiring wiring = init()) {
            StartPaymentHandler start = new StartPaymentHandler(wiring);
            GetPaymentHandler get = new GetPaymentHandler(wiring);
            new AxerveReturnHandler(wiring);
            new AxerveNotificationHandler(wiring);
            new ReconcilerHandler(wiring);
            assertEquals(0, extension.calls(), "a secret was asked for during init");

            extension.invoked();
            APIGatewayV2HTTPResponse first = start(start, "order-" + UUID.randomUUID());
            assertEquals(201, first.getStatusCode(), first.getBody());
            assertTrue(((String) json(first).get("redirectUrl")).startsWith(sim.baseUrl()));
            String paymentId = (String) json(first).get("paymentId");
            assertEquals(200, get.handleRequest(Events.getPayment(paymentId), null).getStatusCode());
            assertEquals(201, start(start, "order-" + UUID.randomUUID()).getStatusCode());

            assertEquals(1, extension.reads(SF_ARN));
            assertEquals(1, extension.reads(AX_ARN));
        }
    }

    @Test
    void anExtensionFailureIsARetryable503WithNothingDoneAndNoSecretLogged() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        String orderId = "order-" + UUID.randomUUID();
        try (PaymentsWiring wiring = init()) {
            StartPaymentHandler start = new StartPaymentHandler(wiring);
            extension.invoked();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (int status : new int[] {500, 400}) {
                extension.failWith(status);
                APIGatewayV2HTTPResponse r = start(start, orderId);
                assertEquals(503, r.getStatusCode(), r.getBody());
                assertEquals("secret_unavailable", errorCode(r));
                assertEquals("5", r.getHeaders().get("Retry-After"));
            }
            assertTrue(admin.allTransactions().isEmpty(), "Axerve was called although a secret was missing");

            extension.failWith(0);
            APIGatewayV2HTTPResponse r = start(start, orderId);
            assertEquals(201, r.getStatusCode(), "the order must not have been claimed by the failed tries: "
                    + r.getBody());
            assertEquals(1, admin.allTransactions().size(), "now Encrypt reached the simulator");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("secret unavailable"), logs);
        assertTrue(logs.contains("STOREFRONT_API_KEY_SECRET_ARN"), logs);
        assertTrue(logs.contains("\"reason\":\"secrets extension answered HTTP 400"), "the log says why: " + logs);
        for (String secret : List.of(APIKEY_1, Events.STOREFRONT_KEY, SecretsExtensionStandIn.SESSION_TOKEN)) {
            assertFalse(logs.contains(secret), "a secret reached the logs");
        }
    }

    @Test
    void anApikeyThatCannotBeReadStopsTheAxerveRoutesBeforeAnyWork() {
        try (PaymentsWiring wiring = init()) {
            StartPaymentHandler start = new StartPaymentHandler(wiring);
            extension.invoked();
            extension.put(AX_ARN, ""); // Secrets Manager's value is there but empty: unusable
            APIGatewayV2HTTPResponse r = start(start, "order-" + UUID.randomUUID());
            assertEquals(503, r.getStatusCode(), r.getBody());
            assertEquals("secret_unavailable", errorCode(r));
            assertTrue(admin.allTransactions().isEmpty());
        }
    }

    @Test
    void rotatedSecretsArePickedUpAfterTheTtlWithoutARedeploy() {
        try (PaymentsWiring wiring = init()) {
            StartPaymentHandler start = new StartPaymentHandler(wiring);
            GetPaymentHandler get = new GetPaymentHandler(wiring);
            extension.invoked();
            assertEquals(201, start(start, "order-" + UUID.randomUUID()).getStatusCode());

            // rotation: Axerve and the storefront get new keys, Secrets Manager holds them
            admin.putMerchant(Map.of("shopLogin", PaymentStack.SHOP, "apikey", APIKEY_2));
            extension.put(AX_ARN, APIKEY_2);
            extension.put(SF_ARN, SF_KEY_2);
            assertEquals(404, get.handleRequest(Events.getPayment("p-unknown"), null).getStatusCode(),
                    "within the TTL the cached storefront key still serves");

            nanos.addAndGet(Secret.DEFAULT_TTL.plusSeconds(1).toNanos());
            assertEquals(401, get.handleRequest(Events.getPayment("p-unknown"), null).getStatusCode(),
                    "the old storefront key must stop working once the rotation is read");
            assertEquals(404, get.handleRequest(Events.getPayment("p-unknown", "Bearer " + SF_KEY_2), null)
                    .getStatusCode());
            APIGatewayV2HTTPResponse r = start.handleRequest(Events.post("/payments",
                    PaymentStack.body("order-" + UUID.randomUUID(), "12.50"), Map.of(
                            "authorization", "Bearer " + SF_KEY_2, "content-type", "application/json")), null);
            assertEquals(201, r.getStatusCode(), "Encrypt with the rotated apikey: " + r.getBody());
            assertEquals(2, extension.reads(AX_ARN));
        }
    }

    @Test
    void aFailedRefreshKeepsServingTheLastValueAndRetriesLater() {
        try (PaymentsWiring wiring = init()) {
            GetPaymentHandler get = new GetPaymentHandler(wiring);
            extension.invoked();
            assertEquals(404, get.handleRequest(Events.getPayment("p-unknown"), null).getStatusCode());

            extension.failWith(500);
            nanos.addAndGet(Secret.DEFAULT_TTL.plusSeconds(1).toNanos());
            int before = extension.calls();
            assertEquals(404, get.handleRequest(Events.getPayment("p-unknown"), null).getStatusCode());
            assertEquals(404, get.handleRequest(Events.getPayment("p-unknown"), null).getStatusCode());
            assertEquals(before + 1, extension.calls(), "one refresh attempt, then the pause");

            extension.failWith(0);
            extension.put(SF_ARN, SF_KEY_2);
            nanos.addAndGet(Duration.ofSeconds(31).toNanos());
            assertEquals(404, get.handleRequest(Events.getPayment("p-unknown", "Bearer " + SF_KEY_2), null)
                    .getStatusCode());
        }
    }

    @Test
    void snapStartHooksKeepSecretsOutOfTheSnapshotAndReReadThemAfterRestore() {
        try (PaymentsWiring wiring = init()) {
            GetPaymentHandler get = new GetPaymentHandler(wiring);
            SnapStartHooks hooks = SnapStartHooks.register("Payments", wiring::prime, wiring.config().secrets());
            extension.invoked();
            assertEquals(404, get.handleRequest(Events.getPayment("p-unknown"), null).getStatusCode());
            assertTrue(wiring.config().storefrontApiKey().isCached());
            int calls = extension.calls();

            hooks.beforeCheckpoint(null);
            assertFalse(wiring.config().storefrontApiKey().isCached(), "a secret would be in the snapshot");
            assertEquals(calls, extension.calls(), "priming asked for a secret");

            extension.put(SF_ARN, SF_KEY_2); // rotated while the snapshot was stored
            hooks.afterRestore(null);
            assertEquals(404, get.handleRequest(Events.getPayment("p-unknown", "Bearer " + SF_KEY_2), null)
                    .getStatusCode(), "the restored copy must read the current key, TTL or not");
        }
    }

    @Test
    void primingRunsTheRequestPathSendsNothingToAxerveAndWritesNothing() throws IOException {
        try (RefusingServer axerve = RefusingServer.start();
             PaymentsWiring wiring = initWithAxerveAt(axerve);
             DynamoDbClient ddb = DynamoDbClients.create(StoreConfig.fromEnvironment(env))) {
            SnapStartHooks hooks = SnapStartHooks.register("Payments", wiring::prime, wiring.root()::reconnect,
                    wiring.config().secrets());
            int exchanges = PrimingEndpoint.exchanges();

            hooks.beforeCheckpoint(null);

            FunctionRoot.Primed primed = assertInstanceOf(FunctionRoot.Primed.class, hooks.lastPrimed());
            assertEquals(List.of("PRIMING", "priming-1", "MOV", "OK", "OK", "OK", "OK", "OK"), primed.soap().parsed(),
                    "each of the eight operations marshalled and its answer parsed");
            assertTrue(primed.dynamoDbRead(), "the DynamoDB reads completed");
            assertTrue(primed.dynamoDbWritesRefused(), "both conditional writes were tried and refused");
            assertEquals(exchanges + 8, PrimingEndpoint.exchanges(), "the eight calls went through the transport");

            hooks.afterRestore(null);

            assertEquals(0, axerve.requests(), "priming or the reconnect reached Axerve");
            assertEquals(0, extension.calls(), "priming or the reconnect read a secret");
            assertEquals(0, ddb.scan(s -> s.tableName(env.get("PAYMENTS_TABLE"))).count(),
                    "priming or the reconnect wrote");
        }
    }

    @Test
    void aFunctionGivenNoAxerveApikeyPrimesNoSoapStack() {
        env.remove("AXERVE_APIKEY_SECRET_ARN"); // as the template gives GetPayment: the storefront key only
        try (PaymentsWiring wiring = init()) {
            FunctionRoot.Primed primed = assertInstanceOf(FunctionRoot.Primed.class, wiring.prime());
            assertNull(primed.soap(), "a function that never calls Axerve primed the SOAP client");
            assertTrue(primed.dynamoDbRead(), "its DynamoDB reads are still primed");
            assertTrue(primed.dynamoDbWritesRefused());
        }
    }

    @Test
    void aPrimingFailureIsLoggedAndTheSnapshotGoesAhead() {
        env.put("DYNAMODB_ENDPOINT", "http://127.0.0.1:9"); // discard port: nothing listens, the read fails
        try (PaymentsWiring wiring = init()) {
            SnapStartHooks hooks = SnapStartHooks.register("Payments", wiring::prime, wiring.config().secrets());
            hooks.beforeCheckpoint(null);
            assertEquals(null, hooks.lastPrimed());
            hooks.afterRestore(null);
            assertNotNull(new GetPaymentHandler(wiring));
        }
    }
}
