package com.axpay.publisher;

import com.axpay.kit.SnapStartHooks;
import com.axpay.kit.testing.DynamoDbLocal;
import com.axpay.kit.testing.TestEventBus;
import com.axpay.store.dynamodb.DynamoDbClients;
import com.axpay.store.dynamodb.StoreConfig;
import com.axpay.store.dynamodb.TableDefinitions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outbox publisher primes like every function: one DynamoDB read of the real table, then the priming of its
 * handler on a stage of its own; nothing published to the bus, nothing written.
 */
class PublisherPrimingTest {

    @Test
    void primingReadsTheOutboxAndPublishesNothing() throws Exception {
        Map<String, String> env = Map.of("PAYMENTS_TABLE", "publisher-priming-" + UUID.randomUUID(),
                "DYNAMODB_ENDPOINT", DynamoDbLocal.endpoint().toString(), "AWS_REGION", "eu-south-1",
                PublisherWiring.EVENT_BUS_NAME, "axpay-payments");
        try (TestEventBus bus = new TestEventBus();
             DynamoDbClient ddb = DynamoDbClients.create(StoreConfig.fromEnvironment(env))) {
            TableDefinitions.createPaymentsTable(ddb, env.get("PAYMENTS_TABLE"));
            java.util.HashMap<String, String> withBus = new java.util.HashMap<>(env);
            withBus.put(PublisherWiring.EVENTS_ENDPOINT, bus.endpoint().toString());
            withBus.put("_HANDLER", "com.axpay.publisher.OutboxPublisherHandler::handleRequest");
            try (PublisherWiring wiring = PublisherWiring.fromEnvironment(withBus)) {
                SnapStartHooks hooks = SnapStartHooks.register("OutboxPublisher", wiring::prime, List.of());

                hooks.beforeCheckpoint(null);

                PublisherWiring.Primed primed = (PublisherWiring.Primed) hooks.lastPrimed();
                assertEquals(OutboxPublisher.Delivery.NOT_AN_OUTBOX_ITEM, primed.read(),
                        "the read completed and found no outbox item");
                assertEquals(List.of("{\"batchItemFailures\":[]}"), primed.handler().answers(),
                        "the handler delivered the stage's outbox item");
                assertEquals(List.of(), bus.events(), "priming published an event");
                assertEquals(0, ddb.scan(s -> s.tableName(env.get("PAYMENTS_TABLE"))).count(), "priming wrote");
            }
        }
    }
}
