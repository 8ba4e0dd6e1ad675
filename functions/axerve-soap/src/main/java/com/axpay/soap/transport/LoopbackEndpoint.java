package com.axpay.soap.transport;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * An Axerve-shaped endpoint on the loopback interface, for SnapStart priming: the same canned answers as
 * {@link PrimingConnection}, but through a real socket, so the JDK's HTTP client path that every Axerve call takes
 * (connection, request writing, response parsing) is loaded and compiled before the snapshot. Bound to 127.0.0.1 on
 * a free port, nothing leaves the machine; answers close their connection, so none is kept for a real call.
 */
public final class LoopbackEndpoint implements AutoCloseable {

    private final HttpServer server;

    private LoopbackEndpoint(HttpServer server) {
        this.server = server;
    }

    /** Starts the endpoint; {@link #close()} stops it. */
    public static LoopbackEndpoint start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] request;
                try (InputStream in = exchange.getRequestBody()) {
                    request = in.readAllBytes();
                }
                String action = exchange.getRequestHeaders().getFirst("SOAPAction");
                byte[] answer = PrimingConnection.answer(action, request.length).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
                exchange.getResponseHeaders().set("Connection", "close");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
        return new LoopbackEndpoint(server);
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
