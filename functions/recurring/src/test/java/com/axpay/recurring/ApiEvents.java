package com.axpay.recurring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** API Gateway HTTP API (payload 2.0) events as Lambda delivers them: lower-case headers, raw and parsed query. */
final class ApiEvents {

    static final String STOREFRONT_KEY = "test-storefront-key-recurring-42";
    static final String BEARER = "Bearer " + STOREFRONT_KEY;

    private ApiEvents() {
    }

    /** A storefront call on an agreement route, e.g. ("POST", "charges", id, body); operation null = the GET. */
    static APIGatewayV2HTTPEvent agreement(String method, String operation, String agreementId, String body,
                                           String authorization) {
        String suffix = operation == null ? "" : "/" + operation;
        return event(method, "/agreements/{agreementId}" + suffix, "/agreements/" + agreementId + suffix, null,
                Map.of("agreementId", agreementId), body, auth(authorization));
    }

    static APIGatewayV2HTTPEvent post(String path, String body) {
        return post(path, body, BEARER);
    }

    static APIGatewayV2HTTPEvent post(String path, String body, String authorization) {
        return event("POST", path, path, null, null, body, auth(authorization));
    }

    /** A GET with a raw query string, as Axerve's return and S2S calls arrive. */
    static APIGatewayV2HTTPEvent axerveGet(String path, String rawQuery) {
        return event("GET", path, path, rawQuery, null, null, Map.of("user-agent", "Axerve"));
    }

    private static Map<String, String> auth(String authorization) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("content-type", "application/json");
        if (authorization != null) {
            h.put("authorization", authorization);
        }
        return h;
    }

    private static APIGatewayV2HTTPEvent event(String method, String routePath, String rawPath, String rawQuery,
                                               Map<String, String> pathParameters, String body,
                                               Map<String, String> headers) {
        String routeKey = method + " " + routePath;
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.putIfAbsent("host", "api.example.test");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withHeaders(h)
                .withQueryStringParameters(rawQuery == null || rawQuery.isEmpty() ? null : parse(rawQuery))
                .withPathParameters(pathParameters)
                .withBody(body)
                .withIsBase64Encoded(false)
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

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return m;
    }
}
