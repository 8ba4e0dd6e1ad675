package com.axpay.rehearsal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A stand-in for the AWS Parameters and Secrets Lambda Extension's HTTP API ({@code GET /secretsmanager/get?secretId=}
 * with the {@code X-Aws-Parameters-Secrets-Token} header, answering Secrets Manager's GetSecretValue JSON). Like the
 * real extension it is not ready before its environment's first INVOKE: until then it answers 400 "not ready to
 * serve traffic". Each environment is told apart by its session token, as each sandbox has its own extension.
 */
final class SecretsExtensionStandIn implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    /** session token -> how many events that environment has taken */
    private final Map<String, IntSupplier> environments = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();

    SecretsExtensionStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/secretsmanager/get", this::get);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void put(String arn, String value) {
        secrets.put(arn, value);
    }

    /** @param invocations the number of events the environment with this session token has received */
    void environment(String sessionToken, IntSupplier invocations) {
        environments.put(sessionToken, invocations);
    }

    int refused() {
        return refused.get();
    }

    int served() {
        return served.get();
    }

    private void get(HttpExchange ex) throws IOException {
        try (ex) {
            String token = ex.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token");
            IntSupplier env = token == null ? null : environments.get(token);
            if (env == null) {
                send(ex, 401, "unauthorized: missing or unknown X-Aws-Parameters-Secrets-Token");
                return;
            }
            if (env.getAsInt() == 0) {
                refused.incrementAndGet();
                send(ex, 400, "not ready to serve traffic, please wait");
                return;
            }
            String query = ex.getRequestURI().getRawQuery();
            String id = null;
            for (String pair : query == null ? new String[0] : query.split("&")) {
                if (pair.startsWith("secretId=")) {
                    id = URLDecoder.decode(pair.substring("secretId=".length()), StandardCharsets.UTF_8);
                }
            }
            String value = id == null ? null : secrets.get(id);
            if (value == null) {
                send(ex, 400, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find "
                        + "the specified secret.\"}");
                return;
            }
            served.incrementAndGet();
            send(ex, 200, "{\"ARN\":\"" + id + "\",\"Name\":\"" + id.substring(id.lastIndexOf(':') + 1)
                    + "\",\"SecretString\":\"" + value + "\",\"VersionId\":\"v1\",\"VersionStages\":[\"AWSCURRENT\"]}");
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
