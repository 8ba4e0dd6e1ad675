package com.axpay.kit.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.validation.ValidationException;
import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** API Gateway (payload 2.0) responses: JSON bodies, the error envelope and redirects. */
public final class HttpResponses {

    private HttpResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Map<String, ?> body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json", "Cache-Control", "no-store"))
                .withBody(write(body))
                .withIsBase64Encoded(false)
                .build();
    }

    /** {@code {"error":{"code","message"}}}: a stable code for programs, a message for people. */
    public static APIGatewayV2HTTPResponse error(int status, String code, String message) {
        return json(status, Map.of("error", Map.of("code", code, "message", message)));
    }

    /** The error envelope with the rejected fields: {@code field} is the first, {@code details} lists them all. */
    public static APIGatewayV2HTTPResponse validationError(List<Map<String, String>> fieldErrors) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", "invalid_request");
        Map<String, String> first = fieldErrors.get(0);
        error.put("message", first.get("field") + " " + first.get("message"));
        error.put("field", first.get("field"));
        error.put("details", fieldErrors);
        return json(400, Map.of("error", error));
    }

    /** The fields a use case rejected, in the error envelope above. */
    public static APIGatewayV2HTTPResponse validationError(ValidationException e) {
        return validationError(e.errors().stream()
                .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
    }

    /** 409 {@code order_conflict}: the orderId's live payment (named) has another amount or currency. */
    public static APIGatewayV2HTTPResponse orderConflict(String paymentId) {
        return json(409, Map.of("error", Map.of("code", "order_conflict", "message",
                "This orderId already has a live payment with a different amount or currency.",
                "paymentId", paymentId)));
    }

    /**
     * 503 {@code secret_unavailable}: a credential of the service could not be read (the secrets extension refused
     * or failed). Nothing was done; the caller may retry (Retry-After in seconds).
     */
    public static APIGatewayV2HTTPResponse secretUnavailable() {
        APIGatewayV2HTTPResponse r = error(503, "secret_unavailable",
                "A credential of the payment service could not be read. Nothing was done; retry shortly.");
        Map<String, String> headers = new LinkedHashMap<>(r.getHeaders());
        headers.put("Retry-After", "5");
        r.setHeaders(headers);
        return r;
    }

    /** 401 with the challenge a Bearer client expects. */
    public static APIGatewayV2HTTPResponse unauthorized() {
        APIGatewayV2HTTPResponse r = error(401, "unauthorized", "a valid Authorization: Bearer <key> header is required");
        Map<String, String> headers = new LinkedHashMap<>(r.getHeaders());
        headers.put("WWW-Authenticate", "Bearer");
        r.setHeaders(headers);
        return r;
    }

    /** 303 See Other: the browser follows with a GET whatever brought it here. */
    public static APIGatewayV2HTTPResponse seeOther(String location) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(303)
                .withHeaders(Map.of("Location", location, "Cache-Control", "no-store"))
                .withIsBase64Encoded(false)
                .build();
    }

    /** A small plain answer for Axerve's S2S call, which reads only the status. */
    public static APIGatewayV2HTTPResponse text(int status, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "text/plain; charset=utf-8"))
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    static String write(Map<String, ?> body) {
        try {
            return JSON.std.asString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
