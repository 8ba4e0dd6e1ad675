package com.axpay.publisher;

import com.axpay.core.domain.DomainEvent;
import com.axpay.kit.Lazy;
import com.axpay.kit.SnapStartHooks;
import com.axpay.kit.priming.HandlerPriming;
import com.axpay.store.dynamodb.DynamoDbClients;
import com.axpay.store.dynamodb.DynamoDbOutbox;
import com.axpay.store.dynamodb.OutboxItems;
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
    /** The outbox key priming and the restore hook read: no outbox item has it. */
    private static final String PRIMING_READ = "OUTBOX#priming-read";
    private static final Lazy<PublisherWiring> PROCESS = new Lazy<>(() -> {
        PublisherWiring w = fromEnvironment(System.getenv());
        // after a restore only the read: it reopens the DynamoDB connection; the bus's is opened by the first publish
        SnapStartHooks.register("OutboxPublisher", w::prime, () -> w.publisher.deliver(PRIMING_READ), List.of());
        return w;
    });

    private final Map<String, String> env;
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final EventBridgeSink sink;
    private final OutboxPublisher publisher;

    private PublisherWiring(Map<String, String> env, DynamoDbClient dynamoDb, String table, EventBridgeSink sink) {
        this.env = Map.copyOf(env);
        this.dynamoDb = dynamoDb;
        this.table = table;
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
        return new PublisherWiring(env, DynamoDbClients.create(store), store.paymentsTable(),
                EventBridgeSink.create(bus.strip(), uri, store.region()));
    }

    /**
     * SnapStart priming of the publisher: one DynamoDB read of an outbox item no one wrote (the real connection
     * opened, nothing written), then the priming of the handler Lambda was told to load ({@code _HANDLER}) by
     * {@link PublisherHandlerPriming}, on a stage of its own: a stream batch read, an outbox item published through a
     * sink of the function's settings to the stage's EventBridge stand-in, and the answer written.
     */
    public Primed prime() {
        OutboxPublisher.Delivery read = publisher.deliver(PRIMING_READ);
        return new Primed(read, HandlerPriming.run(env.get("_HANDLER"), env, new PublisherHandlerPriming()));
    }

    /** What priming did: the outbox read's outcome, and what the handler answered in its priming (null when skipped). */
    public record Primed(OutboxPublisher.Delivery read, HandlerPriming.Result handler) {
    }

    /** The one wiring of a Lambda process, built on first use, with the SnapStart hooks every function has. */
    public static PublisherWiring process() {
        return PROCESS.get();
    }

    public OutboxPublisher publisher() {
        return publisher;
    }

    /** Writes an outbox item as the use cases' transactions do (the handler priming's item, on the stage's table). */
    void record(DomainEvent event) {
        dynamoDb.transactWriteItems(r -> r.transactItems(OutboxItems.put(table, event)));
    }

    @Override
    public void close() {
        sink.close();
        dynamoDb.close();
    }
}
