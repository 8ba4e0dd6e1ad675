package com.axpay.kit.testing;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * EventBridge's PutEvents (AWS JSON 1.1) on 127.0.0.1, recording every accepted entry, so the real SDK client is
 * tested over HTTP. {@link #failNext} makes the next calls answer a failed entry, as a throttled bus does.
 */
public final class TestEventBus implements AutoCloseable {

    /** One published event; {@code detail} parsed from its JSON text. */
    public record Event(String bus, String source, String detailType, Map<String, Object> detail, String rawDetail) {
    }

    private final HttpServer server;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private volatile int failures;

    public TestEventBus() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::putEvents);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The payment's events in the order of its changes ({@code detail.version}), as consumers are told to sort. */
    public List<Event> eventsOf(String paymentId) {
        return events.stream().filter(e -> paymentId.equals(e.detail().get("paymentId")))
                .sorted(java.util.Comparator.comparingLong(e -> ((Number) e.detail().get("version")).longValue()))
                .toList();
    }

    public void failNext(int calls) {
        failures = calls;
    }

    @SuppressWarnings("unchecked")
    private void putEvents(HttpExchange ex) throws IOException {
        try (ex) {
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            Map<String, Object> body = JSON.std.mapFrom(ex.getRequestBody().readAllBytes());
            List<Map<String, Object>> results = new ArrayList<>();
            int failed = 0;
            boolean fail = failures > 0;
            if (fail) {
                failures--;
            }
            for (Object o : (List<Object>) body.get("Entries")) {
                Map<String, Object> e = (Map<String, Object>) o;
                if (fail || !"AWSEvents.PutEvents".equals(target)) {
                    failed++;
                    results.add(Map.of("ErrorCode", "ThrottlingException", "ErrorMessage", "test bus refused"));
                    continue;
                }
                String detail = (String) e.get("Detail");
                events.add(new Event((String) e.get("EventBusName"), (String) e.get("Source"),
                        (String) e.get("DetailType"), JSON.std.mapFrom(detail), detail));
                results.add(Map.of("EventId", UUID.randomUUID().toString()));
            }
            byte[] out = JSON.std.asString(Map.of("FailedEntryCount", failed, "Entries", results))
                    .getBytes(StandardCharsets.UTF_8);
            HttpReplies.reply(ex, 200, HttpReplies.AMZ_JSON, out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
