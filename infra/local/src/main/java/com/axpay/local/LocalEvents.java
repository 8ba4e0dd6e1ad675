package com.axpay.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stack's event bus: EventBridge's PutEvents at {@value #PUT_PATH} (the outbox publisher's SDK client is pointed
 * here through {@code EVENTS_ENDPOINT}), and what was published at {@code GET} {@value #EVENTS_PATH}
 * ({@code ?id=} keeps the events of one payment or agreement). Keeps the last {@value #KEEP} events in memory.
 */
final class LocalEvents {

    static final String PUT_PATH = "/_local/eventbridge";
    static final String EVENTS_PATH = "/_local/events";
    private static final int KEEP = 1000;

    private final Deque<Map<String, Object>> events = new ArrayDeque<>();

    /** Serves the two paths; false for any other request. */
    boolean handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.equals(PUT_PATH) || path.startsWith(PUT_PATH + "/")) {
            putEvents(ex);
            return true;
        }
        if (path.equals(EVENTS_PATH)) {
            String query = ex.getRequestURI().getQuery();
            String id = query != null && query.startsWith("id=") ? query.substring(3) : null;
            send(ex, 200, "application/json", Json.write(id == null ? all() : of(id)));
            return true;
        }
        return false;
    }

    synchronized List<Map<String, Object>> all() {
        return new ArrayList<>(events);
    }

    /** Events whose detail names this payment or agreement, oldest first. */
    List<Map<String, Object>> of(String id) {
        return all().stream().filter(e -> e.get("detail") instanceof JsonNode d
                && (id.equals(d.path("paymentId").asText(null)) || id.equals(d.path("agreementId").asText(null))))
                .toList();
    }

    private void putEvents(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())
                || !"AWSEvents.PutEvents".equals(ex.getRequestHeaders().getFirst("X-Amz-Target"))) {
            send(ex, 400, "application/x-amz-json-1.1",
                    "{\"__type\":\"UnknownOperationException\",\"message\":\"only PutEvents is emulated\"}");
            return;
        }
        JsonNode body = Json.MAPPER.readTree(ex.getRequestBody());
        List<Map<String, String>> results = new ArrayList<>();
        for (JsonNode entry : body.path("Entries")) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("time", Instant.now().toString());
            e.put("eventBusName", entry.path("EventBusName").asText());
            e.put("source", entry.path("Source").asText());
            e.put("detailType", entry.path("DetailType").asText());
            e.put("detail", Json.MAPPER.readTree(entry.path("Detail").asText("{}")));
            record(e);
            results.add(Map.of("EventId", UUID.randomUUID().toString()));
        }
        send(ex, 200, "application/x-amz-json-1.1", Json.write(Map.of("FailedEntryCount", 0, "Entries", results)));
    }

    private synchronized void record(Map<String, Object> event) {
        events.addLast(event);
        while (events.size() > KEEP) {
            events.removeFirst();
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }
}
