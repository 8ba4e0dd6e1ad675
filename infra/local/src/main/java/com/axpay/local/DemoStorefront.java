package com.axpay.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tiny shop served by the stack itself, playing the merchant's storefront back end: it holds the storefront key
 * (the browser never sees it), starts payments through the API like any storefront would, and shows the result
 * page the buyer is sent back to.
 */
final class DemoStorefront {

    static final String RESULT_PATH = "/_local/demo/result";
    static final String CHECKOUT_PATH = "/_local/demo/checkout";
    /** A "processing" result page reloads itself this many times before asking the buyer to reload. */
    static final int MAX_REFRESHES = 10;
    /** How long after its last update a payment's page looks again for details still being added. */
    private static final Duration SETTLING = Duration.ofSeconds(3);

    record Product(String id, String name, String description, String price) {
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("espresso-beans", "Espresso beans, 1 kg", "Medium roast, 100% arabica", "24.90"),
            new Product("moka-pot", "Moka pot, 3 cups", "Aluminium, for gas and electric hobs", "32.00"));

    private final String apiBase;
    private final String storefrontKey;
    private final String resultUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** The second checkout (Amazon's widgets on the shop's page, then the upsell page); null: not offered. */
    private WidgetCheckout widgets;

    DemoStorefront(String apiBase, String storefrontKey, String resultUrl) {
        this.apiBase = apiBase;
        this.storefrontKey = storefrontKey;
        this.resultUrl = resultUrl;
    }

    /** Adds the custom-widget checkout, whose widgets come from the simulator at this base URL (null: none). */
    DemoStorefront withWidgetCheckout(String amazonWidgetsBase) {
        this.widgets = new WidgetCheckout(this, apiBase, amazonWidgetsBase);
        return this;
    }

    /** Serves {@code GET /}, the checkout and the result page; false for any other request. */
    boolean handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (path.equals("/") && method.equals("GET")) {
            html(ex, 200, shop());
        } else if (path.equals(CHECKOUT_PATH) && method.equals("POST")) {
            checkout(ex);
        } else if (path.equals(RESULT_PATH) && method.equals("GET")) {
            result(ex);
        } else if (widgets != null && path.startsWith(WidgetCheckout.PREFIX)) {
            return widgets.handle(ex);
        } else {
            return false;
        }
        return true;
    }

    private String shop() {
        StringBuilder items = new StringBuilder();
        for (Product p : PRODUCTS) {
            items.append("<li class=\"product\"><h2>").append(esc(p.name())).append("</h2><p>")
                    .append(esc(p.description())).append("</p><p class=\"price\">€ ").append(p.price())
                    .append("</p><form method=\"post\" action=\"").append(CHECKOUT_PATH).append("\">")
                    .append("<input type=\"hidden\" name=\"product\" value=\"").append(p.id()).append("\">")
                    .append("<button type=\"submit\" class=\"amazon-pay\" id=\"pay-").append(p.id())
                    .append("\">Pay with Amazon Pay</button></form>")
                    .append(widgets == null ? "" : widgets.link(p))
                    .append("</li>");
        }
        return page("Demo shop", "<p class=\"note\">A demo storefront of the local stack: payments go through "
                + "the API, Axerve and (simulated) Amazon Pay.</p><ul class=\"products\">" + items + "</ul>", null);
    }

    private void checkout(HttpExchange ex) throws IOException {
        Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Product product = PRODUCTS.stream().filter(p -> p.id().equals(form.get("product"))).findFirst()
                .orElse(null);
        if (product == null) {
            html(ex, 400, page("Unknown product", "<p>That product is not in the shop.</p>" + back(), null));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", "demo-" + UUID.randomUUID().toString().substring(0, 13));
        body.put("amount", product.price());
        body.put("currency", "EUR");
        body.put("language", "en");
        body.put("returnUrl", resultUrl);
        HttpResponse<String> r = call(HttpRequest.newBuilder(URI.create(apiBase + "/payments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
        JsonNode answer = r == null ? null : parse(r.body());
        if (r == null || r.statusCode() != 201 || answer == null || !answer.hasNonNull("redirectUrl")) {
            html(ex, 502, page("Payment not started", "<p id=\"error\">The payment could not be started"
                    + (r == null ? " (the API did not answer)" : " (API answered " + r.statusCode()
                    + errorCode(answer) + ")") + ".</p>" + back(), null));
            return;
        }
        ex.getResponseHeaders().set("Location", answer.get("redirectUrl").asText());
        ex.sendResponseHeaders(303, -1);
        ex.close();
    }

    private void result(HttpExchange ex) throws IOException {
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        String paymentId = q.get("paymentId");
        if (paymentId == null || paymentId.isBlank()) {
            String error = q.getOrDefault("error", "missing_payment");
            html(ex, 200, page("Payment result", "<p id=\"error\">We could not identify your payment ("
                    + esc(error) + ").</p>" + back(), null));
            return;
        }
        HttpResponse<String> r = call(HttpRequest.newBuilder(URI.create(apiBase + "/payments/"
                + URLEncoder.encode(paymentId, StandardCharsets.UTF_8).replace("+", "%20"))).GET());
        JsonNode p = r == null ? null : parse(r.body());
        if (r == null || r.statusCode() != 200 || p == null) {
            html(ex, 502, page("Payment result", "<p id=\"error\">The payment could not be read"
                    + (r == null ? "" : " (API answered " + r.statusCode() + errorCode(p) + ")") + ".</p>"
                    + back(), null));
            return;
        }
        int refreshes = parseInt(q.get("refresh"));
        String state = p.path("state").asText();
        boolean processing = List.of("CREATED", "REDIRECTED", "PENDING", "UNKNOWN").contains(state);
        boolean paid = List.of("AUTHORIZED", "CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED").contains(state);
        boolean waitingForAddress = paid && !p.has("shippingAddress");
        // right after the outcome the S2S handler may still add details (Amazon's decline reason): look again
        boolean settling = isRecent(p.path("updatedAt").asText(null));
        String refresh = null;
        if ((processing || waitingForAddress || settling) && refreshes < MAX_REFRESHES) {
            refresh = RESULT_PATH + "?paymentId=" + URLEncoder.encode(paymentId, StandardCharsets.UTF_8)
                    + "&refresh=" + (refreshes + 1);
        }
        StringBuilder c = new StringBuilder();
        c.append("<p class=\"state state-").append(esc(state.toLowerCase(java.util.Locale.ROOT))).append("\" id=\"state\" data-state=\"")
                .append(esc(state)).append("\">").append(esc(headline(state))).append("</p>");
        c.append("<dl><dt>Amount</dt><dd id=\"amount\">").append(esc(p.path("amount").asText())).append(' ')
                .append(esc(p.path("currency").asText())).append("</dd><dt>Order</dt><dd id=\"order\">")
                .append(esc(p.path("orderId").asText())).append("</dd><dt>Payment</dt><dd id=\"payment-id\">")
                .append(esc(p.path("paymentId").asText())).append("</dd></dl>");
        if (p.has("decline")) {
            c.append("<p class=\"decline\" id=\"decline\">")
                    .append(esc(p.path("decline").path("buyerMessage").asText())).append("</p>");
        }
        if (processing) {
            c.append("<p id=\"processing\">We are waiting for the payment's outcome"
                    + (refresh == null ? ": reload this page in a moment." : "; this page refreshes itself.")
                    + "</p>");
        }
        if (p.has("shippingAddress")) {
            JsonNode a = p.get("shippingAddress");
            c.append("<h2>Shipping to</h2><address id=\"shipping-address\">");
            for (String field : List.of("name", "addressLine1", "addressLine2")) {
                if (a.hasNonNull(field)) {
                    c.append(esc(a.get(field).asText())).append("<br>");
                }
            }
            c.append(esc(a.path("postalCode").asText())).append(' ').append(esc(a.path("city").asText()));
            if (a.hasNonNull("stateOrRegion")) {
                c.append(" (").append(esc(a.get("stateOrRegion").asText())).append(')');
            }
            c.append("<br>").append(esc(a.path("countryCode").asText())).append("</address>");
        } else if (waitingForAddress) {
            c.append("<p id=\"address-pending\">Reading your shipping address from Amazon…</p>");
        }
        c.append(events(paymentId));
        c.append("<p class=\"final\" id=\"final\" data-final=\"").append(refresh == null).append("\"></p>");
        html(ex, 200, page("Payment result", c + back(), refresh));
    }

    /** The events published for the payment so far (what the merchant's systems would receive). */
    private String events(String paymentId) {
        return events(paymentId, null, "events", "Events for the merchant's systems");
    }

    /**
     * The events published so far for a payment or an agreement (those whose detail-type starts with
     * {@code typePrefix}, when given), in a section with this id and title.
     */
    String events(String id, String typePrefix, String sectionId, String title) {
        HttpResponse<String> r = call(HttpRequest.newBuilder(URI.create(apiBase + LocalEvents.EVENTS_PATH + "?id="
                + URLEncoder.encode(id, StandardCharsets.UTF_8))).GET());
        JsonNode list = r == null || r.statusCode() != 200 ? null : parse(r.body());
        StringBuilder c = new StringBuilder("<section id=\"" + esc(sectionId) + "\"><h2>" + esc(title) + "</h2><ol>");
        if (list != null) {
            for (JsonNode e : list) {
                if (typePrefix != null && !e.path("detailType").asText().startsWith(typePrefix)) {
                    continue;
                }
                c.append("<li class=\"event\" data-detail-type=\"").append(esc(e.path("detailType").asText()))
                        .append("\">").append(esc(e.path("detailType").asText())).append(" <code>")
                        .append(esc(e.path("detail").path("eventId").asText())).append("</code></li>");
            }
        }
        return c.append("</ol></section>").toString();
    }

    private static boolean isRecent(String instant) {
        try {
            return instant != null && Instant.parse(instant).isAfter(Instant.now().minus(SETTLING));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static String headline(String state) {
        return switch (state) {
            case "AUTHORIZED", "CAPTURED" -> "Thank you! Your payment was successful.";
            case "PARTIALLY_REFUNDED", "REFUNDED" -> "This payment was refunded.";
            case "CREATED", "REDIRECTED", "PENDING", "UNKNOWN" -> "Your payment is being processed…";
            case "DECLINED" -> "Your payment was declined.";
            case "ABANDONED" -> "You cancelled the payment.";
            case "EXPIRED" -> "The payment session expired.";
            case "CANCELED" -> "This payment was canceled.";
            default -> "Payment state: " + state;
        };
    }

    HttpResponse<String> call(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + storefrontKey)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(25)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    static String errorCode(JsonNode answer) {
        String code = answer == null ? "" : answer.path("error").path("code").asText("");
        return code.isEmpty() ? "" : ", " + esc(code);
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Math.max(0, Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static String back() {
        return "<p><a href=\"/\" id=\"back\">Back to the shop</a></p>";
    }

    static String page(String title, String content, String refreshUrl) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + (refreshUrl == null ? "" : "<meta http-equiv=\"refresh\" content=\"1;url=" + esc(refreshUrl) + "\">")
                + "<title>" + esc(title) + "</title><style>" + CSS + "</style></head><body><header>"
                + "<a href=\"/\" class=\"brand\">☕ Demo Coffee</a><span class=\"env\">local stack</span></header>"
                + "<main><h1>" + esc(title) + "</h1>" + content + "</main></body></html>";
    }

    private static final String CSS = "body{font-family:system-ui,sans-serif;margin:0;background:#f6f6f4;color:#222}"
            + "header{background:#232f3e;color:#fff;padding:12px 24px;display:flex;justify-content:space-between}"
            + "header a{color:#fff;text-decoration:none;font-weight:600}.env{opacity:.7;font-size:.9em}"
            + "main{max-width:720px;margin:24px auto;padding:0 16px}"
            + ".products{list-style:none;padding:0;display:grid;grid-template-columns:1fr 1fr;gap:16px}"
            + ".product{background:#fff;border-radius:8px;padding:16px;box-shadow:0 1px 3px rgba(0,0,0,.1)}"
            + ".product h2{font-size:1.1em;margin:0 0 8px}.price{font-size:1.3em;font-weight:600}"
            + ".amazon-pay{background:#ffd814;border:1px solid #fcd200;border-radius:20px;padding:10px 18px;"
            + "font-weight:600;cursor:pointer;width:100%}"
            + ".state{font-size:1.3em;font-weight:600;padding:12px;border-radius:8px;background:#fff}"
            + ".state-captured,.state-authorized{border-left:6px solid #2e7d32}"
            + ".state-declined,.state-abandoned,.state-expired{border-left:6px solid #c62828}"
            + ".state-redirected,.state-pending,.state-unknown,.state-created{border-left:6px solid #f9a825}"
            + ".decline{color:#c62828}dl{display:grid;grid-template-columns:auto 1fr;gap:4px 16px}"
            + "dt{font-weight:600}dd{margin:0}address{font-style:normal;background:#fff;padding:12px;"
            + "border-radius:8px}.note{color:#555}";

    static void html(HttpExchange ex, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
        ex.close();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
