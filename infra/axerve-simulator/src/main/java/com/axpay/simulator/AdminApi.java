package com.axpay.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** JSON admin API under {@code /_sim/}: merchants, faults, inspection, token modes, notify options, reset. */
final class AdminApi {
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));
    private static final String TYPE = "application/json";

    private final SimulatorState state;
    private final Faults faults;
    private final Notifier notifier;

    AdminApi(SimulatorState state, Faults faults, Notifier notifier) {
        this.state = state;
        this.faults = faults;
        this.notifier = notifier;
    }

    void handle(HttpExchange ex) throws IOException {
        String[] seg = ex.getRequestURI().getPath().substring("/_sim/".length()).split("/");
        String method = ex.getRequestMethod();
        String route = method + " " + seg[0] + "/" + (seg.length - 1);
        try {
            switch (route) {
                case "GET health/0" -> ok(ex, Map.of("status", "ok"));
                case "GET merchants/0" -> ok(ex, state.merchants.values().stream()
                        .sorted(Comparator.comparing(MerchantProfile::shopLogin)).toList());
                case "GET merchants/1" -> {
                    MerchantProfile m = state.merchants.get(seg[1]);
                    if (m == null) send(ex, 404, Map.of("error", "unknown merchant"));
                    else ok(ex, m);
                }
                case "PUT merchants/1" -> {
                    MerchantProfile m = read(ex, MerchantProfile.class, Map.of("shopLogin", seg[1])).withShopLogin(seg[1]);
                    state.merchants.put(m.shopLogin(), m);
                    ok(ex, m);
                }
                case "POST faults/0" -> ok(ex, faults.add(read(ex, FaultRule.class, Map.of())));
                case "GET faults/0" -> ok(ex, faults.list());
                case "DELETE faults/0" -> {
                    faults.clear();
                    ok(ex, Map.of("cleared", true));
                }
                case "GET transactions/0" -> {
                    Map<String, String> q = Http.query(ex.getRequestURI().getRawQuery());
                    ok(ex, state.transactions().stream().map(Transaction::view)
                            .filter(t -> !q.containsKey("shopLogin") || q.get("shopLogin").equals(t.shopLogin()))
                            .filter(t -> !q.containsKey("shopTransactionId")
                                    || q.get("shopTransactionId").equals(t.shopTransactionId()))
                            .toList());
                }
                case "GET tokens/1" -> {
                    Token t = state.tokens.get(seg[1]);
                    if (t == null) send(ex, 404, Map.of("error", "unknown token"));
                    else ok(ex, t.view());
                }
                case "PUT tokens/2" -> setTokenMode(ex, seg);
                case "PUT order-references/1" -> {
                    JsonNode n = JSON.readTree(ex.getRequestBody());
                    Scenario s = Scenario.byId(n.path("scenario").asText()).filter(Scenario::allowedForServerToServer)
                            .orElseThrow(() -> new IllegalArgumentException("scenario must be a non-pending scenario other than abandon"));
                    state.orderReferences.put(seg[1], s);
                    ok(ex, Map.of("orderReferenceId", seg[1], "scenario", s.id));
                }
                case "GET notifications/0" -> ok(ex, notifier.views());
                case "GET notify-options/0" -> ok(ex, notifier.options());
                case "PUT notify-options/0" -> {
                    notifier.options(mergeNotifyOptions(JSON.readTree(ex.getRequestBody()), notifier.options()));
                    ok(ex, notifier.options());
                }
                case "POST reset/0" -> {
                    state.reset();
                    faults.clear();
                    notifier.clear();
                    ok(ex, Map.of("reset", true));
                }
                default -> send(ex, 404, Map.of("error", "no such admin route: " + method + " " + ex.getRequestURI().getPath()));
            }
        } catch (IllegalArgumentException | JsonProcessingException e) {
            send(ex, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private void setTokenMode(HttpExchange ex, String[] seg) throws IOException {
        if (!"mode".equals(seg[2])) {
            send(ex, 404, Map.of("error", "no such admin route"));
            return;
        }
        Token t = state.tokens.get(seg[1]);
        if (t == null) {
            send(ex, 404, Map.of("error", "unknown token"));
            return;
        }
        JsonNode n = JSON.readTree(ex.getRequestBody());
        TokenMode mode = TokenMode.byId(n.path("mode").asText())
                .orElseThrow(() -> new IllegalArgumentException("mode must be ok, soft-decline, hard-decline, amazon-rejected or timed-out"));
        Integer times = n.hasNonNull("times") ? n.get("times").asInt() : null;
        if (times != null && times < 1) throw new IllegalArgumentException("times must be >= 1");
        t.setMode(mode, times);
        ok(ex, t.view());
    }

    static NotifyOptions mergeNotifyOptions(JsonNode n, NotifyOptions o) {
        return new NotifyOptions(n.path("delayMs").asLong(o.delayMs()), n.path("duplicates").asInt(o.duplicates()),
                n.path("reorder").asBoolean(o.reorder()), n.path("retryIntervalMs").asLong(o.retryIntervalMs()),
                n.path("maxAttempts").asInt(o.maxAttempts()));
    }

    /** Reads a JSON object, adding defaults for absent fields (e.g. the shopLogin taken from the path). */
    private static <T> T read(HttpExchange ex, Class<T> type, Map<String, String> defaults) throws IOException {
        JsonNode n = JSON.readTree(ex.getRequestBody());
        if (n == null || !n.isObject()) throw new IllegalArgumentException("expected a JSON object");
        defaults.forEach((k, v) -> {
            if (!n.hasNonNull(k)) ((com.fasterxml.jackson.databind.node.ObjectNode) n).put(k, v);
        });
        try {
            return JSON.treeToValue(n, type);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException(cause.getMessage(), e);
        }
    }

    private static void ok(HttpExchange ex, Object body) throws IOException { send(ex, 200, body); }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        Http.send(ex, status, TYPE, JSON.writeValueAsString(body));
    }

    static List<MerchantProfile> readProfile(byte[] json) throws IOException {
        JsonNode n = JSON.readTree(json);
        JsonNode list = n.isArray() ? n : n.path("merchants");
        if (!list.isArray()) throw new IllegalArgumentException("profile must be a JSON array of merchants or {\"merchants\": [...]}");
        return List.of(JSON.treeToValue(list, MerchantProfile[].class));
    }
}
