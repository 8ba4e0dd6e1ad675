package com.axpay.publisher;

import com.axpay.core.domain.DomainEvent;
import com.axpay.kit.priming.HandlerPriming;
import com.axpay.kit.priming.HandlerPriming.Scene;
import com.axpay.kit.priming.Stage;
import com.axpay.store.dynamodb.OutboxItems;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the outbox publisher answers in its {@link HandlerPriming} before the snapshot: a stream batch naming an outbox
 * item put on the stage's table, published to the stage's EventBridge stand-in (never the function's bus) and marked
 * delivered there.
 */
final class PublisherHandlerPriming implements HandlerPriming.Script {

    /** The seeded item's aggregate and version: its key is {@code OUTBOX#priming#1}. */
    static final String AGGREGATE = "priming";
    static final String OUTBOX_KEY = OutboxItems.PREFIX + AGGREGATE + "#1";

    @Override
    public Scene scene(String handlerClass, Stage stage) {
        if (!handlerClass.equals(OutboxPublisherHandler.class.getName())) {
            return null;
        }
        Map<String, String> env = new HashMap<>(stage.env());
        env.put(PublisherWiring.EVENTS_ENDPOINT, stage.awsEndpoint().toString());
        PublisherWiring w = PublisherWiring.fromEnvironment(env);
        try {
            // ids and a state only, as the payment events carry
            w.record(new DomainEvent(DomainEvent.PAYMENTS_SOURCE, "Payment Captured", AGGREGATE, 1,
                    Instant.now(), Map.of("paymentId", AGGREGATE, "state", "CAPTURED")));
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
        return new Scene(new OutboxPublisherHandler(w.publisher()), List.of(STREAM_BATCH), w);
    }

    /** A KEYS_ONLY stream batch of the seeded item, as Lambda's DynamoDB event source delivers it. */
    private static final byte[] STREAM_BATCH;

    static {
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        dynamodb.put("ApproximateCreationDateTime", 0);
        dynamodb.put("Keys", Map.of("pk", Map.of("S", OUTBOX_KEY)));
        dynamodb.put("SequenceNumber", "1");
        dynamodb.put("SizeBytes", 1);
        dynamodb.put("StreamViewType", "KEYS_ONLY");
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventID", "priming");
        record.put("eventName", "INSERT");
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", "eu-south-1");
        record.put("dynamodb", dynamodb);
        record.put("eventSourceARN",
                "arn:aws:dynamodb:eu-south-1:000000000000:table/priming/stream/2026-01-01T00:00:00.000");
        STREAM_BATCH = HandlerPriming.json(Map.of("Records", List.of(record)));
    }
}
