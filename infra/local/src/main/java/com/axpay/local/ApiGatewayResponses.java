package com.axpay.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes a handler's result back as API Gateway's HTTP API does for payload format 2.0: a structured response
 * (status, headers, multi-value headers, cookies as {@code Set-Cookie}, body base64-decoded when flagged), or any
 * other value as a {@code 200} JSON body. An invalid status or a failed invocation is API Gateway's own
 * {@code 500 {"message":"Internal Server Error"}}.
 */
final class ApiGatewayResponses {

    private ApiGatewayResponses() {
    }

    /** Writes the result; returns the status sent. */
    @SuppressWarnings("unchecked")
    static int write(HttpExchange exchange, Object result, String requestId) throws IOException {
        if (result instanceof APIGatewayV2HTTPResponse r) {
            return structured(exchange, r.getStatusCode(), r.getHeaders(), r.getMultiValueHeaders(), r.getCookies(),
                    r.getBody(), r.getIsBase64Encoded(), requestId);
        }
        if (result instanceof Map<?, ?> m && m.get("statusCode") instanceof Number status) {
            return structured(exchange, status.intValue(), (Map<String, String>) m.get("headers"),
                    (Map<String, List<String>>) m.get("multiValueHeaders"), (List<String>) m.get("cookies"),
                    (String) m.get("body"), Boolean.TRUE.equals(m.get("isBase64Encoded")), requestId);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        return send(exchange, 200, Json.write(result).getBytes(StandardCharsets.UTF_8), requestId);
    }

    static int message(HttpExchange exchange, int status, String message, String requestId) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        return send(exchange, status, Json.write(Map.of("message", message)).getBytes(StandardCharsets.UTF_8),
                requestId);
    }

    static int internalError(HttpExchange exchange, String requestId) throws IOException {
        return message(exchange, 500, "Internal Server Error", requestId);
    }

    private static int structured(HttpExchange exchange, int status, Map<String, String> headers,
                                  Map<String, List<String>> multiValueHeaders, List<String> cookies, String body,
                                  boolean base64, String requestId) throws IOException {
        if (status < 100 || status > 599) {
            return internalError(exchange, requestId);
        }
        Headers out = exchange.getResponseHeaders();
        if (multiValueHeaders != null) {
            multiValueHeaders.forEach((name, values) -> values.forEach(v -> out.add(name, v)));
        }
        if (headers != null) {
            headers.forEach(out::set);
        }
        if (cookies != null) {
            cookies.forEach(c -> out.add("Set-Cookie", c));
        }
        byte[] bytes = body == null ? new byte[0]
                : base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        return send(exchange, status, bytes, requestId);
    }

    private static int send(HttpExchange exchange, int status, byte[] body, String requestId) throws IOException {
        exchange.getResponseHeaders().set("Apigw-Requestid", requestId);
        boolean noBody = body.length == 0 || status == 204 || status == 304
                || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
        exchange.close();
        return status;
    }
}
