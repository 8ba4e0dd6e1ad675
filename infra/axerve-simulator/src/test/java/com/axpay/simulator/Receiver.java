package com.axpay.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A merchant's S2S endpoint on 127.0.0.1 that records every hit and answers 500 for the first N of them. */
final class Receiver implements AutoCloseable {
    record Hit(String a, String b, long nanoTime) {}

    final List<Hit> hits = new CopyOnWriteArrayList<>();
    final AtomicInteger failFirst = new AtomicInteger();
    private final HttpServer server;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/s2s", ex -> {
            Map<String, String> q = Http.query(ex.getRequestURI().getRawQuery());
            hits.add(new Hit(q.get("a"), q.get("b"), System.nanoTime()));
            int status = failFirst.getAndDecrement() > 0 ? 500 : 200;
            Http.send(ex, status, "text/html", "<html></html>");
        });
        server.start();
    }

    String url() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/s2s"; }

    @Override
    public void close() { server.stop(0); }
}
