package com.axpay.kit.testing;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The whole answer of a JDK HTTP server that stands in for an AWS service in tests: status, body, done. */
public final class HttpReplies {

    /** The content type of AWS's JSON 1.1 protocol (Secrets Manager, EventBridge). */
    public static final String AMZ_JSON = "application/x-amz-json-1.1";

    private HttpReplies() {
    }

    public static void reply(HttpExchange ex, int status, String body) throws IOException {
        reply(ex, status, null, body.getBytes(StandardCharsets.UTF_8));
    }

    /** @param contentType the Content-Type header, or null for none */
    public static void reply(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
