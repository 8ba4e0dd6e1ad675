package com.axpay.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Simulated Amazon Pay widgets for the custom-widget flow. A shop page includes {@code /amazon/widgets.js} as it
 * would include Amazon's Widgets.js; the script renders the sign-in button, address book, wallet and consent box
 * into the page's own elements and records the buyer's choices here, under {@code /amazon/widgets/}:
 * <ul>
 *   <li>{@code POST /amazon/widgets/order-references} {sellerId, buyerEmail, agreementType} creates an Order
 *   Reference ({@code S02-1234567-1234567}) or, for {@code BillingAgreement}, a Billing Agreement ({@code C02-...});</li>
 *   <li>{@code POST /amazon/widgets/order-references/{id}} {address?, method?, consent?} records a selection;</li>
 *   <li>{@code GET /amazon/widgets/order-references/{id}} shows it.</li>
 * </ul>
 * Bodies are JSON sent as {@code text/plain} (a CORS "simple" request from the shop's origin); every answer allows
 * any origin, as the script runs in the shop's page.
 */
final class AmazonWidgets {
    static final String PREFIX = "/amazon/";
    private static final String JSON_TYPE = "application/json";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,40}@[^@\\s]{1,40}");
    private final SimulatorState state;
    private final String script;

    AmazonWidgets(SimulatorState state) {
        this.state = state;
        this.script = buildScript();
    }

    void handle(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if ("OPTIONS".equals(method)) {
            ex.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST");
            ex.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
            ex.sendResponseHeaders(204, -1);
            ex.close();
            return;
        }
        String[] seg = path.substring(PREFIX.length()).split("/");
        try {
            if (seg.length == 1 && seg[0].equalsIgnoreCase("widgets.js") && "GET".equals(method)) {
                Http.send(ex, 200, "application/javascript; charset=utf-8", script);
            } else if (seg.length == 2 && seg[0].equals("widgets") && seg[1].equals("order-references")
                    && "POST".equals(method)) {
                create(ex);
            } else if (seg.length == 3 && seg[0].equals("widgets") && seg[1].equals("order-references")) {
                AmazonOrderReference ref = state.widgetReferences.get(seg[2]);
                if (ref == null) {
                    send(ex, 404, Map.of("error", "unknown order reference " + seg[2]));
                } else if ("POST".equals(method)) {
                    select(ex, ref);
                } else if ("GET".equals(method)) {
                    send(ex, 200, view(ref));
                } else {
                    send(ex, 405, Map.of("error", "use GET or POST"));
                }
            } else {
                send(ex, 404, Map.of("error", "no such widget route: " + method + " " + path));
            }
        } catch (IllegalArgumentException | JsonProcessingException e) {
            send(ex, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private void create(HttpExchange ex) throws IOException {
        JsonNode n = body(ex);
        String email = n.path("buyerEmail").asText("");
        if (!EMAIL.matcher(email).matches()) throw new IllegalArgumentException("buyerEmail must be an e-mail address");
        String sellerId = n.path("sellerId").asText("");
        if (sellerId.isBlank() || sellerId.length() > 30) throw new IllegalArgumentException("sellerId is required");
        String agreementType = n.path("agreementType").asText("OrderReference");
        AmazonOrderReference.Type type = switch (agreementType) {
            case "OrderReference" -> AmazonOrderReference.Type.ORDER_REFERENCE;
            case "BillingAgreement" -> AmazonOrderReference.Type.BILLING_AGREEMENT;
            default -> throw new IllegalArgumentException("agreementType must be OrderReference or BillingAgreement");
        };
        AmazonOrderReference ref;
        do {
            String id = state.newAmazonId(type == AmazonOrderReference.Type.ORDER_REFERENCE ? "S02" : "C02");
            ref = new AmazonOrderReference(id, type, sellerId, email);
        } while (state.widgetReferences.putIfAbsent(ref.id, ref) != null);
        send(ex, 201, view(ref));
    }

    private void select(HttpExchange ex, AmazonOrderReference ref) throws IOException {
        JsonNode n = body(ex);
        Integer address = null;
        if (n.has("address")) {
            if (!n.get("address").canConvertToInt() || n.get("address").asInt() < 0
                    || n.get("address").asInt() >= Address.BOOK.size()) {
                throw new IllegalArgumentException("address must be an index of the address book");
            }
            address = n.get("address").asInt();
        }
        Scenario method = null;
        if (n.has("method")) {
            method = walletMethod(n.get("method").asText())
                    .orElseThrow(() -> new IllegalArgumentException("method must be one of the wallet's methods"));
        }
        Boolean consent = n.has("consent") ? n.get("consent").asBoolean() : null;
        ref.select(address, method, consent);
        send(ex, 200, view(ref));
    }

    /** The wallet offers every scenario a server-to-server charge can answer (OK or KO, never pending). */
    static Optional<Scenario> walletMethod(String id) {
        return Scenario.byId(id).filter(Scenario::allowedForServerToServer);
    }

    private static Map<String, Object> view(AmazonOrderReference ref) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ref.id);
        m.put("agreementType", ref.type == AmazonOrderReference.Type.ORDER_REFERENCE ? "OrderReference" : "BillingAgreement");
        m.put("address", ref.addressIndex());
        m.put("method", ref.method() == null ? null : ref.method().id);
        m.put("consent", ref.consent());
        return m;
    }

    private static JsonNode body(HttpExchange ex) throws IOException {
        byte[] bytes = Http.readBody(ex);
        if (bytes == null) throw new IllegalArgumentException("body too large");
        JsonNode n = AdminApi.JSON.readTree(bytes);
        if (n == null || !n.isObject()) throw new IllegalArgumentException("expected a JSON object");
        return n;
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        Http.send(ex, status, JSON_TYPE, AdminApi.JSON.writeValueAsString(body));
    }

    /** The script with the address book and the wallet's methods written in, so it never asks for them. */
    private static String buildScript() {
        List<Map<String, Object>> book = new ArrayList<>();
        for (Address a : Address.BOOK) {
            book.add(Map.of("label", a.name() + ", " + a.addressLine1() + ", " + a.postalCode() + " " + a.city()
                    + " (" + a.countryCode() + ")"));
        }
        List<Map<String, Object>> methods = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            if (s.allowedForServerToServer()) methods.add(Map.of("id", s.id, "label", s.walletLabel));
        }
        try (InputStream in = AmazonWidgets.class.getResourceAsStream("amazon-widgets.js")) {
            if (in == null) throw new IllegalStateException("amazon-widgets.js missing from the jar");
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return template.replace("/*BOOK*/[]", AdminApi.JSON.writeValueAsString(book))
                    .replace("/*METHODS*/[]", AdminApi.JSON.writeValueAsString(methods));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
