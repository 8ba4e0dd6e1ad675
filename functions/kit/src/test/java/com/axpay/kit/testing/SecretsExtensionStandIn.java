package com.axpay.kit.testing;

import com.axpay.kit.http.Requests;
import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 (free port) answering like the AWS Parameters and Secrets Lambda Extension:
 * {@code GET /secretsmanager/get?secretId=} with the {@code X-Aws-Parameters-Secrets-Token} header. Like the real
 * one it refuses with 400 "not ready to serve traffic" until the function's first invocation ({@link #invoked()});
 * it can be made to fail ({@link #failWith}) and its values rotated ({@link #put}).
 */
public final class SecretsExtensionStandIn implements AutoCloseable {

    public static final String SESSION_TOKEN = "stand-in-session-token";

    private final HttpServer server;
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicBoolean ready = new AtomicBoolean();
    private volatile int failStatus;

    public SecretsExtensionStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/secretsmanager/get", this::answer);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The variables a function needs to reach this stand-in. */
    public Map<String, String> environment() {
        return Map.of("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", Integer.toString(port()),
                "AWS_SESSION_TOKEN", SESSION_TOKEN);
    }

    public void put(String secretId, String value) {
        values.put(secretId, value);
    }

    /** From now on it serves (Lambda has sent the first INVOKE). */
    public void invoked() {
        ready.set(true);
    }

    /** Every request answers this status (0 = normal service again). */
    public void failWith(int status) {
        failStatus = status;
    }

    /** Requests received, answered or refused. */
    public int calls() {
        return calls.get();
    }

    /** Successful reads of one secret. */
    public int reads(String secretId) {
        AtomicInteger n = reads.get(secretId);
        return n == null ? 0 : n.get();
    }

    private void answer(HttpExchange ex) throws IOException {
        try (ex) {
            calls.incrementAndGet();
            String query = ex.getRequestURI().getRawQuery();
            String id = query == null || !query.startsWith("secretId=") ? null
                    : URLDecoder.decode(query.substring("secretId=".length()), StandardCharsets.UTF_8);
            int status;
            String body;
            if (!ready.get()) {
                status = 400;
                body = "not ready to serve traffic, please wait";
            } else if (failStatus != 0) {
                status = failStatus;
                body = "{\"error\":\"stand-in failure\"}";
            } else if (!SESSION_TOKEN.equals(ex.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token"))) {
                status = 401;
                body = "bad session token or header key";
            } else if (id == null || !values.containsKey(id)) {
                status = 400;
                body = "ResourceNotFoundException";
            } else {
                status = 200;
                body = JSON.std.asString(Map.of("ARN", id, "Name", id, "SecretString", values.get(id),
                        "VersionStages", java.util.List.of("AWSCURRENT")));
                reads.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            }
            HttpReplies.reply(ex, status, body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
