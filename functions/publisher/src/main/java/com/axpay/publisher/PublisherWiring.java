package com.axpay.publisher;

import com.axpay.kit.Lazy;
import com.axpay.kit.SnapStartHooks;
import com.axpay.store.dynamodb.DynamoDbClients;
import com.axpay.store.dynamodb.DynamoDbOutbox;
import com.axpay.store.dynamodb.StoreConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The outbox publisher's clients, from its own few variables (it needs no Axerve settings): the payments table,
 * {@value #EVENT_BUS_NAME} and, locally, {@value #EVENTS_ENDPOINT}.
 */
public final class PublisherWiring implements AutoCloseable {

    public static final String EVENT_BUS_NAME = "EVENT_BUS_NAME";
    public static final String EVENTS_ENDPOINT = "EVENTS_ENDPOINT";
    public static final List<String> VARIABLES = List.of(EVENT_BUS_NAME, EVENTS_ENDPOINT);

    private static final Lazy<PublisherWiring> PROCESS = new Lazy<>(() -> {
        PublisherWiring w = fromEnvironment(System.getenv());
        SnapStartHooks.register("OutboxPublisher", w::prime, w::prime, List.of());
        return w;
    });

    private final DynamoDbClient dynamoDb;
    private final EventBridgeSink sink;
    private final OutboxPublisher publisher;

    private PublisherWiring(DynamoDbClient dynamoDb, String table, EventBridgeSink sink) {
        this.dynamoDb = dynamoDb;
        this.sink = sink;
        this.publisher = new OutboxPublisher(new DynamoDbOutbox(dynamoDb, table), sink, Clock.systemUTC());
    }

    public static PublisherWiring fromEnvironment(Map<String, String> env) {
        StoreConfig store = StoreConfig.fromEnvironment(env);
        String bus = env.get(EVENT_BUS_NAME);
        if (bus == null || bus.isBlank()) {
            throw new IllegalArgumentException(EVENT_BUS_NAME + " is required");
        }
        String endpoint = env.get(EVENTS_ENDPOINT);
        URI uri = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint.strip());
        return new PublisherWiring(DynamoDbClients.create(store), store.paymentsTable(),
                EventBridgeSink.create(bus.strip(), uri, store.region()));
    }

    /**
     * SnapStart priming of the publisher, as every function has: one DynamoDB read of an outbox item no one wrote
     * (nothing is published, nothing written).
     */
    public OutboxPublisher.Delivery prime() {
        return publisher.deliver("OUTBOX#priming-read");
    }

    /** The one wiring of a Lambda process, built on first use, with the SnapStart hooks every function has. */
    public static PublisherWiring process() {
        return PROCESS.get();
    }

    public OutboxPublisher publisher() {
        return publisher;
    }

    @Override
    public void close() {
        sink.close();
        dynamoDb.close();
    }
}
