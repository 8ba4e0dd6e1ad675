package com.axpay.kit.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/** API Gateway HTTP API (payload 2.0) events as Lambda delivers them: lower-case headers, raw and parsed query. */
public final class ApiEvents {

    public static final String STOREFRONT_KEY = "test-storefront-key-recurring-42";
    public static final String BEARER = "Bearer " + STOREFRONT_KEY;

    private ApiEvents() {
    }

    /** A storefront call on an agreement route, e.g. ("POST", "charges", id, body); operation null = the GET. */
    public static APIGatewayV2HTTPEvent agreement(String method, String operation, String agreementId, String body,
                                           String authorization) {
        String suffix = operation == null ? "" : "/" + operation;
        return event(method, "/agreements/{agreementId}" + suffix, "/agreements/" + agreementId + suffix, null,
                Map.of("agreementId", agreementId), body, auth(authorization));
    }

    public static APIGatewayV2HTTPEvent post(String path, String body) {
        return post(path, body, BEARER);
    }

    public static APIGatewayV2HTTPEvent post(String path, String body, String authorization) {
        return event("POST", path, path, null, null, body, auth(authorization));
    }

    /** A GET with a raw query string, as Axerve's return and S2S calls arrive. */
    public static APIGatewayV2HTTPEvent axerveGet(String path, String rawQuery) {
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
        return Events.event(method, routePath, rawPath, rawQuery, pathParameters, body, headers);
    }
}
