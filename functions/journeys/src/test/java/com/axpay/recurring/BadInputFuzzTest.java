package com.axpay.recurring;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.kit.testing.ApiEvents;
import com.axpay.payments.handlers.AxerveNotificationHandler;
import com.axpay.payments.handlers.AxerveReturnHandler;
import com.axpay.payments.handlers.CancelPaymentHandler;
import com.axpay.payments.handlers.CapturePaymentHandler;
import com.axpay.payments.handlers.GetPaymentHandler;
import com.axpay.payments.handlers.RefundPaymentHandler;
import com.axpay.payments.stack.PaymentStack;
import com.axpay.simulator.AxerveSimulator;
import com.axpay.store.dynamodb.DynamoDbClients;
import com.axpay.store.dynamodb.StoreConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded fuzzing of every public route of both function modules (payments and recurring), as API Gateway delivers
 * requests, against DynamoDB Local and the simulator: random and mutated bodies, headers, path ids, {@code a}/{@code
 * b} values. Every request is built to be refused (wrong key, malformed id, a broken body or a result string Axerve
 * did not write), or only reads; so the suite asserts that none answers 5xx and that the table is exactly as before.
 * The seed is fixed: a failure names the request, and the same run reproduces it.
 */
class BadInputFuzzTest extends WithRecurringStack {

    private static final long SEED = 20261201L;
    private static final int REQUESTS = 5200;
    private static final String SHOP = AxerveSimulator.DEFAULT_SHOP_LOGIN;

    private static Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> routes;
    private static final List<String> paymentIds = new ArrayList<>();
    private static final List<String> orderIds = new ArrayList<>();
    private static String agreementId;

    @BeforeAll
    static void seedState() throws Exception {
        routes = new LinkedHashMap<>();
        routes.put("POST /payments", s.start);
        routes.put("GET /payments/{paymentId}", new GetPaymentHandler(s.payments));
        routes.put("POST /payments/{paymentId}/refunds", new RefundPaymentHandler(s.payments));
        routes.put("POST /payments/{paymentId}/cancel", new CancelPaymentHandler(s.payments));
        routes.put("POST /payments/{paymentId}/capture", new CapturePaymentHandler(s.payments));
        routes.put("GET /axerve/return/ok", new AxerveReturnHandler(s.payments));
        routes.put("GET /axerve/return/ko", new AxerveReturnHandler(s.payments));
        routes.put("GET /axerve/s2s", new AxerveNotificationHandler(s.payments));
        routes.put("POST /payments/widget", s.widget);
        routes.put("GET /agreements/{agreementId}", s.getAgreement);
        routes.put("POST /agreements/{agreementId}/charges", s.charge);
        routes.put("POST /agreements/{agreementId}/cancel", s.cancel);
        routes.put("POST /agreements/{agreementId}/resume", s.resume);

        // known records in several states: an open payment, a paid and refunded one, a widget payment, an agreement
        // with an upsell
        Map<String, Object> open = s.startRecurring("fz-open-" + UUID.randomUUID().toString().substring(0, 8),
                "12.00", "paynowandrecurring", "P1M");
        paymentIds.add((String) open.get("paymentId"));
        orderIds.add((String) open.get("orderId"));
        Map<String, Object> agreement = s.agreementFromPayment("paynowandrecurring");
        agreementId = (String) agreement.get("agreementId");
        paymentIds.add((String) agreement.get("paymentId"));
        orderIds.add((String) agreement.get("orderId"));
        assertEquals(201, call("POST /agreements/{agreementId}/charges", agreementEvent("charges", agreementId,
                "{\"chargeId\":\"c1\",\"amount\":\"2.00\",\"currency\":\"EUR\"}", bearer())).getStatusCode());
        String paid = (String) agreement.get("paymentId");
        PaymentStack.await(() -> "CAPTURED".equals(state(paid)), "the paid payment captured");
        assertEquals(201, call("POST /payments/{paymentId}/refunds", paymentEvent("refunds", paid,
                "{\"refundId\":\"r1\",\"amount\":\"1.00\"}", bearer())).getStatusCode());
        String widgetOrder = "fz-w-" + UUID.randomUUID().toString().substring(0, 8);
        APIGatewayV2HTTPResponse w = call("POST /payments/widget", post("/payments/widget",
                "{\"orderId\":\"" + widgetOrder + "\",\"amount\":\"5.00\",\"currency\":\"EUR\","
                        + "\"amazonOrderReferenceId\":\"" + WidgetPaymentTest.issuedOrderReference(s.admin) + "\"}",
                bearer()));
        assertEquals(201, w.getStatusCode(), w.getBody());
        paymentIds.add((String) RecurringStack.json(w).get("paymentId"));
        orderIds.add(widgetOrder);
    }

    @Test
    void noRequestAnswers5xxNorChangesAnything() {
        Map<String, String> before = table();
        Random random = new Random(SEED);
        Map<String, Integer> perRoute = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> names = new ArrayList<>(routes.keySet());
        for (int i = 0; i < REQUESTS; i++) {
            String route = names.get(i % names.size()); // every route, in turn
            Request r = request(route, random);
            APIGatewayV2HTTPResponse response;
            try {
                response = call(route, r.event);
            } catch (RuntimeException e) {
                failures.add("#" + i + " " + r.description + " threw " + e);
                continue;
            }
            int status = response.getStatusCode();
            statuses.merge(status, 1, Integer::sum);
            perRoute.merge(route, 1, Integer::sum);
            if (status >= 500) {
                failures.add("#" + i + " " + r.description + " -> " + status + " " + response.getBody());
            } else if (!r.readOnly && status < 300) {
                failures.add("#" + i + " " + r.description + " was accepted (" + status + "): " + response.getBody());
            }
            if (failures.size() > 20) {
                break;
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(new TreeSet<>(routes.keySet()), perRoute.keySet());
        assertTrue(perRoute.values().stream().mapToInt(Integer::intValue).sum() >= 5000, perRoute.toString());
        assertEquals(before, table(), "the fuzzed requests changed the table");
        System.out.println("fuzzed " + REQUESTS + " requests, statuses " + statuses);
    }

    // ---- requests

    /** A request, whether it may legitimately answer 2xx (reads), and how to describe it in a failure. */
    private record Request(APIGatewayV2HTTPEvent event, boolean readOnly, String description) {
    }

    private static Request request(String route, Random r) {
        return switch (route) {
            case "POST /payments" -> storefrontPost(route, "/payments", null, brokenBody(r, startBody(r)), r);
            case "POST /payments/widget" -> storefrontPost(route, "/payments/widget", null,
                    brokenBody(r, widgetBody(r)), r);
            case "GET /payments/{paymentId}" -> read(route, "paymentId", anyId(r, paymentIds), r);
            case "GET /agreements/{agreementId}" -> read(route, "agreementId", anyId(r, List.of(agreementId)), r);
            case "POST /payments/{paymentId}/refunds" -> onId(route, "paymentId", paymentIds,
                    "{\"refundId\":\"r" + r.nextInt(3) + "\",\"amount\":\"1.00\"}", r);
            case "POST /payments/{paymentId}/cancel", "POST /payments/{paymentId}/capture" ->
                    onId(route, "paymentId", paymentIds, "{\"reason\":\"fuzz\"}", r);
            case "POST /agreements/{agreementId}/charges" -> onId(route, "agreementId", List.of(agreementId),
                    "{\"chargeId\":\"c" + r.nextInt(3) + "\",\"amount\":\"2.00\",\"currency\":\"EUR\"}", r);
            case "POST /agreements/{agreementId}/cancel", "POST /agreements/{agreementId}/resume" ->
                    onId(route, "agreementId", List.of(agreementId), null, r);
            default -> axerve(route, r);
        };
    }

    /** A storefront POST whose body is always broken in some way, with any headers. */
    private static Request storefrontPost(String route, String path, Map<String, String> pathParameters,
                                          Body body, Random r) {
        Map<String, String> headers = headers(r, r.nextInt(4) == 0 ? junkAuthorization(r) : bearer());
        APIGatewayV2HTTPEvent e = event(route, path, null, pathParameters, body.text, body.base64, headers);
        return new Request(e, false, route + " body=" + clip(body.text) + " headers=" + headers.keySet());
    }

    /** A GET by id: any id, any key. */
    private static Request read(String route, String param, String id, Random r) {
        String auth = r.nextInt(3) == 0 ? junkAuthorization(r) : bearer();
        Map<String, String> params = id == null ? null : Map.of(param, id);
        APIGatewayV2HTTPEvent e = event(route, route.split(" ")[1].replace("{" + param + "}", String.valueOf(id)),
                null, params, r.nextInt(5) == 0 ? junkText(r, 200) : null, false, headers(r, auth));
        return new Request(e, true, route + " id=" + clip(id));
    }

    /**
     * A POST on a payment or agreement: with the right key, either a known id with a broken body, or an id that
     * names nothing (any body, even a valid one); otherwise a wrong key with any id and body.
     */
    private static Request onId(String route, String param, List<String> known, String validBody, Random r) {
        String auth;
        String id;
        Body body;
        switch (r.nextInt(5)) {
            case 0, 1 -> {
                auth = bearer();
                id = known.get(r.nextInt(known.size()));
                body = brokenBody(r, validBody == null ? "{}" : validBody, !route.endsWith("/cancel")
                        && !route.endsWith("/capture"));
                if (validBody == null) {
                    auth = junkAuthorization(r); // cancel/resume take no body: only a wrong key keeps them idle
                }
            }
            case 2 -> {
                auth = bearer();
                id = unknownId(r);
                body = r.nextBoolean() ? new Body(validBody, false)
                        : brokenBody(r, validBody == null ? "{}" : validBody);
            }
            default -> {
                auth = junkAuthorization(r);
                id = anyId(r, known);
                body = new Body(validBody, false);
            }
        }
        Map<String, String> params = id == null ? null : Map.of(param, id);
        String path = route.split(" ")[1].replace("{" + param + "}", String.valueOf(id));
        APIGatewayV2HTTPEvent e = event(route, path, null, params, body.text, body.base64, headers(r, auth));
        return new Request(e, false, route + " id=" + clip(id) + " body=" + clip(body.text) + " auth=" + clip(auth));
    }

    /** Axerve's routes: a and b of every kind (never a result string Axerve wrote). */
    private static Request axerve(String route, Random r) {
        String path = route.split(" ")[1];
        // a b in Axerve's alphabet costs a Decrypt at the simulator: a few of those, most refused before any call
        String query = switch (r.nextInt(16)) {
            case 0 -> null;
            case 1 -> "a=" + SHOP;
            case 2 -> "b=" + urlish(r);
            case 3 -> "a=" + pick(r, SHOP, "GESPAY99999", "", "%00", junkText(r, 40)) + "&b=" + urlish(r);
            case 4 -> "a=" + SHOP + "&b=" + pick(r, "%00", "%01", "abc%00def", "%EF%BF%BF", "%ZZ", "%", "%E0%A4",
                    "+", "*", "a%20b", "%C3%A8", "%F0%9F%92%B3", "x".repeat(5000));
            case 5 -> "a=" + SHOP + "&b=" + plausibleResultString(r);
            case 6 -> "a=" + SHOP + "&b=" + urlish(r) + "&b=" + plausibleResultString(r) + "&a=other";
            case 7, 8, 9 -> "a=" + SHOP + "&b=" + junkText(r, 60).replace("&", "%26").replace("#", "%23");
            case 10, 11 -> "a=" + SHOP + "&b=" + urlish(r);
            default -> junkText(r, 80).replace(' ', '&');
        };
        Map<String, String> headers = headers(r, r.nextBoolean() ? null : junkAuthorization(r));
        APIGatewayV2HTTPEvent e = event(route, path, query, null, r.nextInt(6) == 0 ? junkText(r, 100) : null,
                false, headers);
        if (r.nextInt(10) == 0) {
            e.setRawQueryString(null); // some emulators pass only the parsed parameters
        }
        return new Request(e, false, route + " ?" + clip(query));
    }

    private record Body(String text, boolean base64) {
    }

    /**
     * A body no route may accept, made from a valid one: structurally broken (not JSON, not an object, truncated,
     * oversized, bad base64, an extra key without a value), or with a field outside its rule (amount, id, currency).
     */
    private static Body brokenBody(Random r, String valid) {
        return brokenBody(r, valid, true);
    }

    /** @param fields whether the route reads fields to break (capture reads none, so only its structure is broken) */
    private static Body brokenBody(Random r, String valid, boolean fields) {
        int kind = fields ? r.nextInt(11) : pick(r, 0, 1, 2, 3, 4, 5, 10);
        Body b = switch (kind) {
            case 0 -> new Body("x" + junkText(r, 300), false);
            case 1 -> new Body(valid.substring(0, r.nextInt(valid.length() - 1) + 1), false); // truncated
            case 2 -> new Body(pick(r, "[]", "null", "42", "\"x\"", "true", "[{}]", "[[[[[[[[[[[]]]]]]]]]]]"), false);
            case 3 -> new Body("{\"reason\":\"" + "x".repeat(17_000 + r.nextInt(3000)) + "\"}", false);
            case 4 -> new Body(pick(r, "!!not base64!", "eHg=", "%%%eHh4"), true);
            case 5 -> {
                byte[] bytes = randomBytes(r, 200);
                bytes[0] = 1; // never '{'
                yield new Body(Base64.getEncoder().encodeToString(bytes), true);
            }
            case 6 -> new Body(valid.replaceFirst("\"[0-9]+\\.[0-9]{2}\"", literal(r, "12.5", "1e3", "-1", "null",
                    "\"abc\"", "\"0\"", "\"0.00\"", "\"1.001\"", "\"9999999\"", "\"1234567.00\"", "\"-1.00\"",
                    "\"NaN\"", "\"1,00\"", "[\"1.00\"]", "{}", "\" 1.00\"", "\"1.00 \"")), false);
            case 7 -> new Body(valid.replaceFirst("\"[A-Za-z0-9_-]+\"(?=,|})",
                            Matcher.quoteReplacement("\"" + badIdInBody(r) + "\""))
                    .replaceFirst("(Id\":)\"[^\"]*\"", "$1" + Matcher.quoteReplacement("\"" + badIdInBody(r) + "\"")),
                    false);
            case 8 -> new Body(valid.replace("EUR", pick(r, "eur1", "", "XXX1", "€", "EU")), false);
            case 9 -> new Body(valid.replaceFirst("\"[0-9]+\\.[0-9]{2}\"", "\"" + r.nextInt(10) + "."
                    + r.nextInt(10) + r.nextInt(10) + r.nextInt(10) + "\""), false); // three decimals
            default -> new Body(valid.replace("{", "{\"" + junkText(r, 10).replace("\"", "") + "\":"), false);
        };
        // a breaker that found nothing to break in this body: an oversized one instead
        return valid.equals(b.text) && !b.base64 ? new Body("[" + "1,".repeat(9000) + "1]", false) : b;
    }

    private static String startBody(Random r) {
        String order = orderIds.get(r.nextInt(orderIds.size()));
        return "{\"amount\":\"10.00\",\"currency\":\"EUR\",\"orderId\":\"" + order + "\","
                + "\"returnUrl\":\"https://shop.example.test/done\",\"recurring\":{\"mode\":\"paynowandrecurring\","
                + "\"plan\":{\"amount\":\"9.90\",\"currency\":\"EUR\",\"interval\":\"P1M\"}}}";
    }

    private static String widgetBody(Random r) {
        return "{\"orderId\":\"" + orderIds.get(r.nextInt(orderIds.size())) + "\",\"amount\":\"5.00\","
                + "\"currency\":\"EUR\",\"amazonOrderReferenceId\":\"S02-1234567-1234567\"}";
    }

    private static Map<String, String> headers(Random r, String authorization) {
        Map<String, String> h = new LinkedHashMap<>();
        if (authorization != null) {
            h.put(r.nextInt(5) == 0 ? "Authorization" : "authorization", authorization);
        }
        switch (r.nextInt(5)) {
            case 0 -> h.put("content-type", pick(r, "text/plain", "application/xml", "", "multipart/form-data; x"));
            case 1 -> h.put("x-" + Integer.toHexString(r.nextInt()), junkText(r, 50));
            case 2 -> h.put("content-length", pick(r, "-1", "999999999999", "abc"));
            default -> h.put("content-type", "application/json");
        }
        return h;
    }

    private static String bearer() {
        return ApiEvents.BEARER;
    }

    private static String junkAuthorization(Random r) {
        return pick(r, "", "Bearer", "Bearer ", "Bearer wrong", "Basic dXNlcjpwYXNz", ApiEvents.STOREFRONT_KEY,
                "Bearer " + ApiEvents.STOREFRONT_KEY + "x", "Bearer\u0000" + ApiEvents.STOREFRONT_KEY,
                "Bearer " + "k".repeat(10_000), junkText(r, 60));
    }

    /** Known, unknown and malformed ids, and a missing one. */
    private static String anyId(Random r, List<String> known) {
        return switch (r.nextInt(4)) {
            case 0 -> known.get(r.nextInt(known.size()));
            case 1 -> unknownId(r);
            default -> badId(r);
        };
    }

    private static String unknownId(Random r) {
        return pick(r, "pay_" + Long.toHexString(r.nextLong()), "agr_" + Long.toHexString(r.nextLong()), "x",
                "A".repeat(64));
    }

    /** Never a well-formed id, even once it is in a JSON string. */
    private static String badIdInBody(Random r) {
        String id = badId(r);
        return id == null ? "x".repeat(65) : id;
    }

    private static String badId(Random r) {
        return pick(r, null, "", " ", "x".repeat(65), "x".repeat(2045), "x".repeat(2050 + r.nextInt(5000)),
                "pay_\u0000", "../etc", "pay_%00", "\uFFFF", "\uD800", "é".repeat(700), "pay x", "pay/1", "a\nb",
                junkText(r, 30));
    }

    /** Text of any characters, control and astral ones included. */
    private static String junkText(Random r, int max) {
        int n = r.nextInt(max + 1);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(switch (r.nextInt(6)) {
                case 0 -> (char) r.nextInt(32);
                case 1 -> (char) (0x80 + r.nextInt(0xFF80));
                default -> (char) (32 + r.nextInt(95));
            });
        }
        return b.toString();
    }

    /** A query value as it could arrive: raw characters, escapes, broken escapes. */
    private static String urlish(Random r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(60);
        for (int i = 0; i < n; i++) {
            b.append(switch (r.nextInt(5)) {
                case 0 -> "%" + Integer.toHexString(r.nextInt(256)).toUpperCase();
                case 1 -> "%" + (char) ('G' + r.nextInt(10));
                default -> String.valueOf((char) (33 + r.nextInt(94)));
            });
        }
        return b.toString();
    }

    /** In Axerve's alphabet, but not a string Axerve issued (Decrypt answers with a refusal). */
    private static String plausibleResultString(Random r) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*_";
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(200);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static byte[] randomBytes(Random r, int max) {
        byte[] b = new byte[1 + r.nextInt(max)];
        r.nextBytes(b);
        return b;
    }

    /** One of the texts, as a literal replacement. */
    private static String literal(Random r, String... options) {
        return Matcher.quoteReplacement(pick(r, options));
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    private static String clip(String s) {
        if (s == null) {
            return "null";
        }
        String shown = s.length() > 80 ? s.substring(0, 80) + "...(" + s.length() + ")" : s;
        StringBuilder b = new StringBuilder();
        shown.codePoints().forEach(c -> b.append(c < 32 || c > 126 ? String.format("\\u%04x", c) : (char) c));
        return b.toString();
    }

    // ---- events and calls

    private static APIGatewayV2HTTPResponse call(String route, APIGatewayV2HTTPEvent e) {
        return routes.get(route).handleRequest(e, null);
    }

    private static APIGatewayV2HTTPEvent post(String path, String body, String authorization) {
        return event("POST " + path, path, null, null, body, false, headers(new Random(1), authorization));
    }

    private static APIGatewayV2HTTPEvent paymentEvent(String op, String id, String body, String authorization) {
        String route = "POST /payments/{paymentId}/" + op;
        return event(route, "/payments/" + id + "/" + op, null, Map.of("paymentId", id), body, false,
                Map.of("authorization", authorization));
    }

    private static APIGatewayV2HTTPEvent agreementEvent(String op, String id, String body, String authorization) {
        String route = "POST /agreements/{agreementId}/" + op;
        return event(route, "/agreements/" + id + "/" + op, null, Map.of("agreementId", id), body, false,
                Map.of("authorization", authorization));
    }

    /** As API Gateway (payload 2.0) delivers it; the parsed query is lenient, like API Gateway's. */
    private static APIGatewayV2HTTPEvent event(String routeKey, String rawPath, String rawQuery,
                                               Map<String, String> pathParameters, String body, boolean base64,
                                               Map<String, String> headers) {
        return com.axpay.kit.testing.Events.event(routeKey, rawPath, rawQuery,
                rawQuery == null || rawQuery.isEmpty() ? null : lenientQuery(rawQuery), pathParameters, body, base64,
                headers);
    }

    private static Map<String, String> lenientQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.merge(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1),
                    (x, y) -> x + "," + y);
        }
        return out;
    }

    // ---- the table

    private static String state(String paymentId) {
        APIGatewayV2HTTPResponse r = call("GET /payments/{paymentId}", event("GET /payments/{paymentId}",
                "/payments/" + paymentId, null, Map.of("paymentId", paymentId), null, false,
                Map.of("authorization", bearer())));
        return r.getStatusCode() == 200 ? (String) RecurringStack.json(r).get("state") : null;
    }

    /** Every item of the stack's table, by key, as text: equal maps mean nothing was written. */
    private static Map<String, String> table() {
        Map<String, String> items = new TreeMap<>();
        try (DynamoDbClient c = DynamoDbClients.create(StoreConfig.fromEnvironment(s.env))) {
            c.scanPaginator(b -> b.tableName(s.env.get("PAYMENTS_TABLE")).consistentRead(true)).items()
                    .forEach(item -> items.put(key(item), new TreeMap<>(item).toString()));
        }
        assertTrue(items.size() > 5, "the seeded records are in the table: " + items.keySet());
        return items;
    }

    private static String key(Map<String, AttributeValue> item) {
        AttributeValue sk = item.get("sk");
        return item.get("pk").s() + (sk == null ? "" : "|" + sk.s());
    }

}
