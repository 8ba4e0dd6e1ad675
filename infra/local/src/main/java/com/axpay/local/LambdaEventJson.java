package com.axpay.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's event objects as the JSON Lambda delivers, and a function's JSON answer as the object the stack's
 * parts expect, for functions that run in their own JVM (process mode). HTTP API events map field for field; the
 * schedule, SQS and DynamoDB stream envelopes are written with Lambda's own names ({@code detail-type},
 * {@code Records}, {@code eventSourceARN}, {@code Keys}).
 */
final class LambdaEventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private LambdaEventJson() {
    }

    static String write(Object event) {
        Object shaped = event instanceof ScheduledEvent e ? scheduled(e)
                : event instanceof SQSEvent e ? sqs(e)
                : event instanceof DynamodbEvent e ? stream(e)
                : event;
        try {
            return MAPPER.writeValueAsString(shaped);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + event.getClass().getName() + " as JSON", e);
        }
    }

    /** What the function answered, as the in-process handler would have returned it. */
    static Object read(String json, Class<?> returnType) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (returnType == SQSBatchResponse.class) {
                List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
                node.path("batchItemFailures").forEach(f -> failures.add(
                        new SQSBatchResponse.BatchItemFailure(f.path("itemIdentifier").asText())));
                return new SQSBatchResponse(failures);
            }
            return MAPPER.treeToValue(node, Object.class); // maps, lists, strings: what ApiGatewayResponses reads
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the function's answer is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> scheduled(ScheduledEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", e.getVersion());
        m.put("id", e.getId());
        m.put("detail-type", e.getDetailType());
        m.put("source", e.getSource());
        m.put("account", e.getAccount());
        m.put("time", e.getTime() == null ? null : e.getTime().toString());
        m.put("region", e.getRegion());
        m.put("resources", e.getResources());
        m.put("detail", e.getDetail() == null ? Map.of() : e.getDetail());
        return m;
    }

    private static Map<String, Object> sqs(SQSEvent e) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (SQSEvent.SQSMessage r : e.getRecords()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("messageId", r.getMessageId());
            m.put("receiptHandle", r.getReceiptHandle());
            m.put("body", r.getBody());
            m.put("attributes", r.getAttributes() == null ? Map.of() : r.getAttributes());
            m.put("messageAttributes", Map.of());
            m.put("md5OfBody", r.getMd5OfBody());
            m.put("eventSource", r.getEventSource());
            m.put("eventSourceARN", r.getEventSourceArn());
            m.put("awsRegion", r.getAwsRegion());
            records.add(m);
        }
        return Map.of("Records", records);
    }

    private static Map<String, Object> stream(DynamodbEvent e) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord r : e.getRecords()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("eventID", r.getEventID());
            m.put("eventName", r.getEventName());
            m.put("eventVersion", r.getEventVersion());
            m.put("eventSource", r.getEventSource());
            m.put("awsRegion", r.getAwsRegion());
            var d = r.getDynamodb();
            Map<String, Object> dynamodb = new LinkedHashMap<>();
            Map<String, Object> keys = new LinkedHashMap<>();
            if (d.getKeys() != null) {
                d.getKeys().forEach((name, v) -> keys.put(name, v.getS() != null ? Map.of("S", v.getS())
                        : Map.of("N", String.valueOf(v.getN()))));
            }
            dynamodb.put("Keys", keys);
            dynamodb.put("SequenceNumber", d.getSequenceNumber());
            dynamodb.put("SizeBytes", d.getSizeBytes());
            dynamodb.put("StreamViewType", d.getStreamViewType());
            if (d.getApproximateCreationDateTime() != null) {
                dynamodb.put("ApproximateCreationDateTime", d.getApproximateCreationDateTime().getTime() / 1000);
            }
            m.put("dynamodb", dynamodb);
            m.put("eventSourceARN", r.getEventSourceARN());
            records.add(m);
        }
        return Map.of("Records", records);
    }
}
