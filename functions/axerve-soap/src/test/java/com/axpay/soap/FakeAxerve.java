package com.axpay.soap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server on 127.0.0.1 standing in for Axerve: records every request and answers with whatever the test
 * configured. Bounded: a fixed thread pool, and stop() waits at most 2 s. As a test's {@code @RegisterExtension}
 * field it is closed after each test.
 */
final class FakeAxerve implements AutoCloseable, AfterEachCallback {
    /** One received request. */
    record Captured(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** What to send back. */
    interface Reply {
        void send(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final List<Captured> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Captured, Reply> responder = r -> status(404, "text/plain", "no reply configured");

    FakeAxerve() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    AxerveConfig.Builder config() {
        return AxerveConfig.builder().environment(AxerveEnvironment.custom(base())).shopLogin("GESPAY99001")
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5));
    }

    void respond(Function<Captured, Reply> responder) {
        this.responder = responder;
    }

    /** Always the same SOAP 200 answer. */
    void respondXml(String body) {
        respond(r -> xml(body));
    }

    List<Captured> requests() {
        return requests;
    }

    Captured lastRequest() {
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Captured c = new Captured(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                    Map.copyOf(ex.getRequestHeaders()), body);
            requests.add(c);
            responder.apply(c).send(ex);
        }
    }

    static Reply xml(String body) {
        return status(200, "text/xml; charset=utf-8", body);
    }

    static Reply status(int status, String contentType, String body) {
        return ex -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
