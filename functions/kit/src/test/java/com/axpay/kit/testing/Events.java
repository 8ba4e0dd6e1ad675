package com.axpay.kit.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** API Gateway HTTP API (payload 2.0) events as Lambda delivers them: lower-case headers, raw and parsed query. */
public final class Events {

    public static final String STOREFRONT_KEY = "test-storefront-key-0123456789";

    private Events() {
    }

    /** The EventBridge schedule's tick, as the reconciler receives it. */
    public static ScheduledEvent tick() {
        ScheduledEvent e = new ScheduledEvent();
        e.setSource("aws.events");
        e.setDetailType("Scheduled Event");
        e.setDetail(Map.of());
        return e;
    }

    public static APIGatewayV2HTTPEvent post(String routePath, String body, Map<String, String> headers) {
        return event("POST", routePath, routePath, null, null, body, headers);
    }

    public static APIGatewayV2HTTPEvent startPayment(String body) {
        return post("/payments", body, Map.of("authorization", "Bearer " + STOREFRONT_KEY,
                "content-type", "application/json"));
    }

    public static APIGatewayV2HTTPEvent getPayment(String paymentId, String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        return event("GET", "/payments/{paymentId}", "/payments/" + paymentId, null,
                Map.of("paymentId", paymentId), null, headers);
    }

    public static APIGatewayV2HTTPEvent getPayment(String paymentId) {
        return getPayment(paymentId, "Bearer " + STOREFRONT_KEY);
    }

    /** POST /payments/{paymentId}/{operation} (refunds, cancel, capture) with the storefront key. */
    public static APIGatewayV2HTTPEvent paymentOperation(String paymentId, String operation, String body) {
        return event("POST", "/payments/{paymentId}/" + operation, "/payments/" + paymentId + "/" + operation, null,
                Map.of("paymentId", paymentId), body, Map.of("authorization", "Bearer " + STOREFRONT_KEY,
                        "content-type", "application/json"));
    }

    /** A GET with a raw query string, as Axerve's return and S2S calls arrive. */
    public static APIGatewayV2HTTPEvent axerveGet(String path, String rawQuery) {
        return event("GET", path, path, rawQuery, null, null, Map.of("user-agent", "Axerve"));
    }

    public static APIGatewayV2HTTPEvent event(String method, String routePath, String rawPath, String rawQuery,
                                       Map<String, String> pathParameters, String body,
                                       Map<String, String> headers) {
        return event(method + " " + routePath, rawPath, rawQuery,
                rawQuery == null || rawQuery.isEmpty() ? null : parse(rawQuery), pathParameters, body, false, headers);
    }

    /**
     * As API Gateway (payload 2.0) delivers it, with the query parameters as given (API Gateway's parsing is lenient:
     * a caller may pass what {@link #parse} would refuse) and the body's base64 flag.
     */
    public static APIGatewayV2HTTPEvent event(String routeKey, String rawPath, String rawQuery,
                                              Map<String, String> queryParameters,
                                              Map<String, String> pathParameters, String body, boolean base64,
                                              Map<String, String> headers) {
        String method = routeKey.split(" ")[0];
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.putIfAbsent("host", "api.example.test");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withHeaders(h)
                .withQueryStringParameters(queryParameters)
                .withPathParameters(pathParameters)
                .withBody(body)
                .withIsBase64Encoded(base64)
                .withRequestContext(RequestContext.builder()
                        .withRouteKey(routeKey)
                        .withAccountId("123456789012")
                        .withStage("$default")
                        .withApiId("api")
                        .withDomainName("api.example.test")
                        .withRequestId(UUID.randomUUID().toString())
                        .withTimeEpoch(Instant.now().toEpochMilli())
                        .withHttp(RequestContext.Http.builder().withMethod(method).withPath(rawPath)
                                .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").withUserAgent("test").build())
                        .build())
                .build();
    }

    static Map<String, String> parse(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.merge(k, v, (x, y) -> x + "," + y);
        }
        return out;
    }
}
