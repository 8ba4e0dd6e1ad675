package com.axpay.publisher;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An EventBridge-shaped endpoint on the loopback interface, for priming: it accepts every PutEvents and answers that
 * each entry was put, so the SDK's whole PutEvents path (marshalling, signing, the HTTP client, the answer's parsing)
 * runs before the snapshot while nothing reaches the real bus. Bound to 127.0.0.1 on a free port.
 */
final class LoopbackEventBus implements AutoCloseable {

    private static final byte[] PUT = "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"priming\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final AtomicInteger puts = new AtomicInteger();

    private LoopbackEventBus(HttpServer server) {
        this.server = server;
    }

    static LoopbackEventBus start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LoopbackEventBus bus = new LoopbackEventBus(server);
        server.createContext("/", exchange -> {
            try (exchange) {
                try (InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                }
                bus.puts.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(200, PUT.length);
                exchange.getResponseBody().write(PUT);
            }
        });
        server.start();
        return bus;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int puts() {
        return puts.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
