package com.axpay.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Events as Lambda delivers them, built from the repository's {@code events/} samples with the fields of one request
 * changed: API Gateway HTTP API (payload 2.0), EventBridge schedule, SQS, DynamoDB stream.
 */
public final class Events {

    static final ObjectMapper JSON = new ObjectMapper();
    /** {@code recurring} of a payment that charges now and makes a monthly agreement of 9.90 EUR. */
    public static final String MONTHLY_PLAN = "{\"mode\":\"paynowandrecurring\",\"plan\":{\"amount\":\"9.90\","
            + "\"currency\":\"EUR\",\"interval\":\"P1M\"}}";

    private final Path dir;

    public Events(Path dir) {
        this.dir = dir;
    }

    public String file(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode sample(String name) {
        try {
            return (ObjectNode) JSON.readTree(dir.resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An HTTP API request: {@code routeKey} like {@code "GET /payments/{paymentId}"}, the actual path, its parameters,
     * a query string (raw, already encoded), a JSON body or null, and the storefront's key or null.
     */
    public String http(String routeKey, String path, Map<String, String> pathParameters, String rawQuery, String body,
                String bearer) {
        ObjectNode e = sample("get-payment.json");
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        e.put("routeKey", routeKey);
        e.put("rawPath", path);
        e.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        ObjectNode headers = (ObjectNode) e.get("headers");
        headers.remove("authorization");
        if (bearer != null) {
            headers.put("authorization", "Bearer " + bearer);
        }
        if (body != null) {
            headers.put("content-type", "application/json");
            headers.put("content-length", Integer.toString(body.length()));
            e.put("body", body);
        } else {
            e.remove("body");
        }
        e.remove("pathParameters");
        if (pathParameters != null && !pathParameters.isEmpty()) {
            e.set("pathParameters", JSON.valueToTree(pathParameters));
        }
        e.remove("queryStringParameters");
        if (rawQuery != null && !rawQuery.isEmpty()) {
            Map<String, String> q = new LinkedHashMap<>();
            for (String pair : rawQuery.split("&")) {
                int i = pair.indexOf('=');
                q.put(decode(i < 0 ? pair : pair.substring(0, i)), i < 0 ? "" : decode(pair.substring(i + 1)));
            }
            e.set("queryStringParameters", JSON.valueToTree(q));
        }
        ObjectNode ctx = (ObjectNode) e.get("requestContext");
        ctx.put("routeKey", routeKey);
        ctx.put("requestId", java.util.UUID.randomUUID().toString());
        ObjectNode http = (ObjectNode) ctx.get("http");
        http.put("method", method);
        http.put("path", path);
        return e.toString();
    }

    /** {@code GET /payments/{paymentId}} with the storefront's key. */
    public String getPayment(String paymentId, String bearer) {
        return http("GET /payments/{paymentId}", "/payments/" + paymentId, Map.of("paymentId", paymentId), null, null,
                bearer);
    }

    /** {@code POST /payments/{paymentId}/{action}} (capture, cancel, refunds) with a JSON body. */
    public String paymentOperation(String action, String paymentId, String body, String bearer) {
        return http("POST /payments/{paymentId}/" + action, "/payments/" + paymentId + "/" + action,
                Map.of("paymentId", paymentId), null, body, bearer);
    }

    /** {@code GET /agreements/{agreementId}} ({@code action} null) or {@code POST .../{action}}. */
    public String agreement(String method, String action, String agreementId, String body, String bearer) {
        String suffix = action == null ? "" : "/" + action;
        return http(method + " /agreements/{agreementId}" + suffix, "/agreements/" + agreementId + suffix,
                Map.of("agreementId", agreementId), null, body, bearer);
    }

    /** The body of {@code POST /payments}: one-time, or with {@code recurring} (a JSON object) a recurring payment. */
    public static String startPaymentBody(String orderId, String amount, String returnUrl, String recurring) {
        return "{\"orderId\":\"" + orderId + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"returnUrl\":\""
                + returnUrl + "\"" + (recurring == null ? "" : ",\"recurring\":" + recurring) + "}";
    }

    static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** An SQS event of messages (id -> body), as the event source mapping delivers a batch. */
    public String sqs(String queueArn, Map<String, String> messages) {
        StringBuilder records = new StringBuilder();
        messages.forEach((id, body) -> {
            if (!records.isEmpty()) {
                records.append(',');
            }
            ObjectNode r = JSON.createObjectNode();
            r.put("messageId", id);
            r.put("receiptHandle", "rh-" + id);
            r.put("body", body);
            ObjectNode attrs = r.putObject("attributes");
            attrs.put("ApproximateReceiveCount", "1");
            attrs.put("SentTimestamp", Long.toString(System.currentTimeMillis()));
            attrs.put("SenderId", "AIDAEXAMPLE");
            attrs.put("ApproximateFirstReceiveTimestamp", Long.toString(System.currentTimeMillis()));
            r.putObject("messageAttributes");
            r.put("md5OfBody", "0");
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", queueArn);
            r.put("awsRegion", "eu-south-1");
            records.append(r);
        });
        return "{\"Records\":[" + records + "]}";
    }

    /** A DynamoDB stream event (KEYS_ONLY INSERT records) for these partition keys, from the outbox sample. */
    public String stream(Iterable<String> pks) {
        ObjectNode e = sample("outbox-stream.json");
        JsonNode template = e.get("Records").get(0);
        var records = JSON.createArrayNode();
        int n = 0;
        for (String pk : pks) {
            ObjectNode r = template.deepCopy();
            r.put("eventID", "rehearsal-" + n++);
            ((ObjectNode) r.get("dynamodb").get("Keys").get("pk")).put("S", pk);
            records.add(r);
        }
        e.set("Records", records);
        return e.toString();
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
