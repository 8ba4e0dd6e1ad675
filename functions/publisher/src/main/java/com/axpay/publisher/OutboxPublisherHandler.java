package com.axpay.publisher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.axpay.kit.handler.EventJson;
import com.axpay.kit.log.JsonLog;
import com.axpay.publisher.OutboxPublisher;
import com.axpay.publisher.PublisherWiring;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The payments table's DynamoDB Streams trigger, filtered in the template to inserted outbox items: publishes each
 * to the EventBridge bus and marks it delivered. A failed record is reported (ReportBatchItemFailures) so the stream
 * retries from it; after the retries it goes to the dead-letter queue.
 */
public final class OutboxPublisherHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse>,
        RequestStreamHandler {

    private final JsonLog log = new JsonLog("OutboxPublisher");
    private final OutboxPublisher publisher;

    public OutboxPublisherHandler() {
        this(PublisherWiring.process().publisher());
    }

    public OutboxPublisherHandler(OutboxPublisher publisher) {
        this.publisher = publisher;
    }

    /** The entry point Lambda's runtime client takes: the batch read and the answer written by the function's own path. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventJson.write(handleRequest(EventJson.dynamodbEvent(input), context), output);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            String pk = pk(record);
            long start = System.nanoTime();
            try {
                OutboxPublisher.Delivery d = publisher.deliver(pk);
                log.info("outbox " + d.name().toLowerCase(java.util.Locale.ROOT)).outboxKey(pk)
                        .latencyMs((System.nanoTime() - start) / 1_000_000).write();
            } catch (RuntimeException e) {
                log.error("outbox delivery failed").outboxKey(pk).exception(e).write();
                failures.add(StreamsEventResponse.BatchItemFailure.builder()
                        .withItemIdentifier(record.getDynamodb().getSequenceNumber()).build());
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    private static String pk(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, AttributeValue> keys = record.getDynamodb() == null ? null : record.getDynamodb().getKeys();
        AttributeValue pk = keys == null ? null : keys.get("pk");
        return pk == null ? null : pk.getS();
    }
}
