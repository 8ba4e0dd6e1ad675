package com.axpay.publisher;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.axpay.core.domain.DomainEvent;
import com.axpay.kit.Lazy;
import com.axpay.kit.SnapStartHooks;
import com.axpay.kit.handler.EventJson;
import com.axpay.kit.priming.LoopbackJsonEndpoint;
import com.axpay.kit.priming.HandlerPriming;
import com.axpay.store.dynamodb.DynamoDbClients;
import com.axpay.store.dynamodb.DynamoDbOutbox;
import com.axpay.store.dynamodb.OutboxItems;
import com.axpay.store.dynamodb.StoreConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
    /** A stream batch of one outbox key as Lambda's DynamoDB event source delivers it: read, never handled. */
    private static final byte[] PRIMING_BATCH = ("{\"Records\":[{\"eventID\":\"priming\",\"eventName\":\"INSERT\","
            + "\"eventVersion\":\"1.1\",\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"eu-south-1\",\"dynamodb\":"
            + "{\"Keys\":{\"pk\":{\"S\":\"" + PRIMING_READ + "\"}},\"SequenceNumber\":\"1\",\"SizeBytes\":1,"
            + "\"StreamViewType\":\"KEYS_ONLY\"},\"eventSourceARN\":\"arn:aws:dynamodb:eu-south-1:000000000000:"
            + "table/priming/stream/2026-01-01T00:00:00.000\"}]}").getBytes(StandardCharsets.UTF_8);

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
    private final String busName;
    private final String region;

    private PublisherWiring(Map<String, String> env, DynamoDbClient dynamoDb, String table, EventBridgeSink sink,
                            String busName, String region) {
        this.env = Map.copyOf(env);
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.sink = sink;
        this.busName = busName;
        this.region = region;
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
                EventBridgeSink.create(bus.strip(), uri, store.region()), bus.strip(), store.region());
    }

    /**
     * SnapStart priming of the publisher: one DynamoDB read of an outbox item no one wrote (nothing written), a stream
     * batch read and answered as the handler's entry point does, then one
     * PutEvents through a sink of the same settings whose endpoint answers on the loopback interface, so the
     * EventBridge SDK's request path is loaded without publishing anything (skipped where no port can be bound or
     * no region is known); last, the priming of the handler Lambda was told to load ({@code _HANDLER}) by
     * {@link PublisherHandlerPriming}, on a stage of its own.
     */
    public Primed prime() {
        OutboxPublisher.Delivery read = publisher.deliver(PRIMING_READ);
        try { // the handler's event path: a stream batch read and its answer written
            EventJson.dynamodbEvent(new ByteArrayInputStream(PRIMING_BATCH));
            EventJson.write(new StreamsEventResponse(List.of()), OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int puts = 0;
        if (region == null) {
            // a client with an endpoint needs a region; Lambda always sets AWS_REGION
            return new Primed(read, puts, null);
        }
        try (LoopbackJsonEndpoint loopback = LoopbackJsonEndpoint.start(
                request -> "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"priming\"}]}");
             EventBridgeSink local = EventBridgeSink.create(busName, loopback.endpoint(), region)) {
            local.publish(new DynamoDbOutbox.Entry("OUTBOX#priming", "priming", "axpay.priming", "Priming", "{}",
                    null));
            puts = loopback.exchanges();
        } catch (IOException e) {
            // no loopback port: the first real publish loads the SDK's path itself
        }
        return new Primed(read, puts, HandlerPriming.run(env.get("_HANDLER"), env, new PublisherHandlerPriming()));
    }

    /**
     * What priming did: the outbox read's outcome, the PutEvents the loopback endpoint answered, and what the
     * handler answered in its priming (null when skipped).
     */
    public record Primed(OutboxPublisher.Delivery read, int loopbackPuts, HandlerPriming.Result handler) {
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
