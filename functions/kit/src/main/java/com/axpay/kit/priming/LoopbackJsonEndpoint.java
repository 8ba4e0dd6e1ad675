package com.axpay.kit.priming;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An AWS JSON-protocol endpoint on the loopback interface, for SnapStart priming: a client of the same settings as a
 * function's real one, pointed here, runs the SDK's whole request path for an operation that must not reach AWS
 * (a PutEvents, a SendMessageBatch): marshalling, signing, the HTTP client, the answer's parsing. Bound to 127.0.0.1
 * on a free port; each request gets the answer the caller computes from its body.
 */
public final class LoopbackJsonEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger exchanges = new AtomicInteger();

    private LoopbackJsonEndpoint(HttpServer server) {
        this.server = server;
    }

    /**
     * @param answer the JSON answered to a request, given its body
     * @throws IOException when no loopback port can be bound (the caller then skips this priming)
     */
    public static LoopbackJsonEndpoint start(Function<String, String> answer) throws IOException {
        Objects.requireNonNull(answer);
        return start((target, body) -> answer.apply(body));
    }

    /**
     * @param answer the JSON answered to a request, given its operation ({@code X-Amz-Target}, e.g.
     *               {@code DynamoDB_20120810.GetItem}) and its body
     * @throws IOException when no loopback port can be bound (the caller then skips this priming)
     */
    public static LoopbackJsonEndpoint start(BiFunction<String, String, String> answer) throws IOException {
        Objects.requireNonNull(answer);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LoopbackJsonEndpoint endpoint = new LoopbackJsonEndpoint(server);
        server.createContext("/", exchange -> {
            try (exchange) {
                String request;
                try (InputStream in = exchange.getRequestBody()) {
                    request = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                byte[] body = answer.apply(target == null ? "" : target, request).getBytes(StandardCharsets.UTF_8);
                endpoint.exchanges.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
                exchange.getResponseHeaders().set("Connection", "close");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return endpoint;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests answered so far. */
    public int exchanges() {
        return exchanges.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
