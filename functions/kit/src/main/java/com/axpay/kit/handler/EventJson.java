package com.axpay.kit.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Lambda's event and answer JSON for the handlers' stream entry points, read and written with jackson-jr, which the
 * functions already load. The runtime client's typed path would build Jackson-databind serializers for the event
 * classes on the first invocation (hundreds of classes, a large share of a cold start) and cannot be primed from
 * the function; this path is the function's own, so SnapStart priming runs it. Only the fields Lambda delivers for
 * the functions' event sources (API Gateway, SQS, EventBridge schedules, the outbox's DynamoDB stream) are read; an
 * absent field stays null, as with the typed path.
 */
public final class EventJson {

    private EventJson() {
    }

    /** An API Gateway HTTP API (payload 2.0) event. */
    public static APIGatewayV2HTTPEvent httpEvent(InputStream in) throws IOException {
        Map<String, Object> m = object(in);
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setVersion(string(m, "version"));
        e.setRouteKey(string(m, "routeKey"));
        e.setRawPath(string(m, "rawPath"));
        e.setRawQueryString(string(m, "rawQueryString"));
        e.setCookies(strings(m.get("cookies")));
        e.setHeaders(stringMap(m.get("headers")));
        e.setQueryStringParameters(stringMap(m.get("queryStringParameters")));
        e.setPathParameters(stringMap(m.get("pathParameters")));
        e.setStageVariables(stringMap(m.get("stageVariables")));
        e.setBody(string(m, "body"));
        e.setIsBase64Encoded(Boolean.TRUE.equals(m.get("isBase64Encoded")));
        Map<String, Object> rc = map(m.get("requestContext"));
        if (rc != null) {
            APIGatewayV2HTTPEvent.RequestContext c = new APIGatewayV2HTTPEvent.RequestContext();
            c.setRouteKey(string(rc, "routeKey"));
            c.setAccountId(string(rc, "accountId"));
            c.setStage(string(rc, "stage"));
            c.setApiId(string(rc, "apiId"));
            c.setDomainName(string(rc, "domainName"));
            c.setDomainPrefix(string(rc, "domainPrefix"));
            c.setTime(string(rc, "time"));
            c.setRequestId(string(rc, "requestId"));
            if (rc.get("timeEpoch") instanceof Number n) {
                c.setTimeEpoch(n.longValue());
            }
            Map<String, Object> http = map(rc.get("http"));
            if (http != null) {
                APIGatewayV2HTTPEvent.RequestContext.Http h = new APIGatewayV2HTTPEvent.RequestContext.Http();
                h.setMethod(string(http, "method"));
                h.setPath(string(http, "path"));
                h.setProtocol(string(http, "protocol"));
                h.setSourceIp(string(http, "sourceIp"));
                h.setUserAgent(string(http, "userAgent"));
                c.setHttp(h);
            }
            e.setRequestContext(c);
        }
        return e;
    }

    /** The answer API Gateway expects of a payload 2.0 integration; null fields are left out. */
    public static void write(APIGatewayV2HTTPResponse r, OutputStream out) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statusCode", r.getStatusCode());
        putIfPresent(m, "headers", r.getHeaders());
        putIfPresent(m, "multiValueHeaders", r.getMultiValueHeaders());
        putIfPresent(m, "cookies", r.getCookies());
        putIfPresent(m, "body", r.getBody());
        m.put("isBase64Encoded", r.getIsBase64Encoded());
        JSON.std.write(m, out);
    }

    /** An SQS event source batch: each record's messageId, body and source (what the charge worker reads). */
    public static SQSEvent sqsEvent(InputStream in) throws IOException {
        SQSEvent event = new SQSEvent();
        event.setRecords(records(object(in), r -> {
            SQSEvent.SQSMessage msg = new SQSEvent.SQSMessage();
            msg.setMessageId(string(r, "messageId"));
            msg.setReceiptHandle(string(r, "receiptHandle"));
            msg.setBody(string(r, "body"));
            msg.setMd5OfBody(string(r, "md5OfBody"));
            msg.setEventSource(string(r, "eventSource"));
            msg.setEventSourceArn(string(r, "eventSourceARN"));
            msg.setAwsRegion(string(r, "awsRegion"));
            msg.setAttributes(stringMap(r.get("attributes")));
            return msg;
        }));
        return event;
    }

    /** The partial-batch answer of an SQS event source: the ids of the messages to deliver again. */
    public static void write(SQSBatchResponse r, OutputStream out) throws IOException {
        List<Map<String, Object>> failures = new ArrayList<>();
        if (r.getBatchItemFailures() != null) {
            for (SQSBatchResponse.BatchItemFailure f : r.getBatchItemFailures()) {
                failures.add(Map.of("itemIdentifier", f.getItemIdentifier()));
            }
        }
        JSON.std.write(Map.of("batchItemFailures", failures), out);
    }

    /**
     * An EventBridge scheduled event (the reconciler's and the schedule's tick): its id, source, detail type,
     * account, region, resources and detail. {@code time} is not read (no handler uses it; the typed path would load
     * Joda-Time for it).
     */
    public static ScheduledEvent scheduledEvent(InputStream in) throws IOException {
        Map<String, Object> m = object(in);
        ScheduledEvent e = new ScheduledEvent();
        e.setVersion(string(m, "version"));
        e.setId(string(m, "id"));
        e.setDetailType(string(m, "detail-type"));
        e.setSource(string(m, "source"));
        e.setAccount(string(m, "account"));
        e.setRegion(string(m, "region"));
        e.setResources(strings(m.get("resources")));
        e.setDetail(map(m.get("detail")));
        return e;
    }

    /**
     * A DynamoDB stream batch of a {@code KEYS_ONLY} stream (the outbox publisher's): each record's ids, source and
     * keys (string and number values), sequence number, size and view type. Images are not read: the stream carries
     * none.
     */
    public static DynamodbEvent dynamodbEvent(InputStream in) throws IOException {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records(object(in), r -> {
            DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
            record.setEventID(string(r, "eventID"));
            record.setEventName(string(r, "eventName"));
            record.setEventVersion(string(r, "eventVersion"));
            record.setEventSource(string(r, "eventSource"));
            record.setAwsRegion(string(r, "awsRegion"));
            record.setEventSourceARN(string(r, "eventSourceARN"));
            Map<String, Object> d = map(r.get("dynamodb"));
            if (d != null) {
                StreamRecord sr = new StreamRecord();
                sr.setKeys(keys(map(d.get("Keys"))));
                sr.setSequenceNumber(string(d, "SequenceNumber"));
                if (d.get("SizeBytes") instanceof Number n) {
                    sr.setSizeBytes(n.longValue());
                }
                sr.setStreamViewType(viewType(string(d, "StreamViewType")));
                record.setDynamodb(sr);
            }
            return record;
        }));
        return event;
    }

    /** The partial-batch answer of a stream event source: the sequence numbers to deliver again. */
    public static void write(StreamsEventResponse r, OutputStream out) throws IOException {
        List<Map<String, Object>> failures = new ArrayList<>();
        if (r.getBatchItemFailures() != null) {
            for (StreamsEventResponse.BatchItemFailure f : r.getBatchItemFailures()) {
                failures.add(Map.of("itemIdentifier", f.getItemIdentifier()));
            }
        }
        JSON.std.write(Map.of("batchItemFailures", failures), out);
    }

    /** A plain answer (a string, a map of counts) as the runtime writes it: its JSON. */
    public static void writeValue(Object value, OutputStream out) throws IOException {
        JSON.std.write(value, out);
    }

    /** Each object of a batch event's {@code Records}, read by {@code read}; anything else in the list is skipped. */
    private static <T> List<T> records(Map<String, Object> event, Function<Map<String, Object>, T> read) {
        List<T> out = new ArrayList<>();
        if (event.get("Records") instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> r = map(o);
                if (r != null) {
                    out.add(read.apply(r));
                }
            }
        }
        return out;
    }

    private static StreamViewType viewType(String value) {
        for (StreamViewType t : StreamViewType.values()) {
            if (t.toString().equals(value)) {
                return t;
            }
        }
        return null;
    }

    private static Map<String, AttributeValue> keys(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        m.forEach((name, v) -> {
            Map<String, Object> typed = map(v);
            AttributeValue a = new AttributeValue();
            if (typed != null) {
                a.setS(string(typed, "S"));
                a.setN(string(typed, "N"));
            }
            out.put(name, a);
        });
        return out;
    }

    private static Map<String, Object> object(InputStream in) throws IOException {
        Map<String, Object> m = JSON.std.mapFrom(in);
        if (m == null) {
            throw new IOException("the event is not a JSON object");
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    private static List<String> strings(Object o) {
        if (!(o instanceof List<?> list)) {
            return null;
        }
        List<String> out = new ArrayList<>(list.size());
        list.forEach(v -> out.add(v == null ? null : v.toString()));
        return out;
    }

    private static Map<String, String> stringMap(Object o) {
        Map<String, Object> m = map(o);
        if (m == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
        return out;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
