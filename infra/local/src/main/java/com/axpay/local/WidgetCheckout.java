package com.axpay.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.axpay.local.DemoStorefront.esc;

/**
 * The demo shop's second checkout, the one the CRM integration guide describes: Amazon's widgets on the shop's own
 * page (here the simulator's), the charge through {@code POST /payments/widget}, the outcome on the same page, then an
 * upsell page whose one click charges without asking again: through the agreement when the buyer consented, else
 * with a fresh order reference from the widgets. Each upsell offer has one deterministic id (the agreement charge's
 * chargeId, or the upsell payment's orderId), so a double click charges once.
 */
final class WidgetCheckout {

    static final String PREFIX = "/_local/demo/widget";
    static final String PAY_PATH = PREFIX + "/pay";
    static final String UPSELL_PATH = PREFIX + "/upsell";
    static final String UPSELL_RESULT_PATH = PREFIX + "/upsell/result";
    static final String UPSELL_AMOUNT = "9.90";
    /** The seller id the widgets are bound with (Amazon's merchant id; the simulator accepts any). */
    static final String SELLER_ID = "A1DEMOSELLER";
    private static final Pattern ORDER_ID = Pattern.compile("demo-w-[a-f0-9]{12}");
    private static final Pattern AMAZON_ID = Pattern.compile("[A-Z][0-9]{2}-[0-9]{7}-[0-9]{7}");
    private static final Pattern PAYMENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final DemoStorefront shop;
    private final String apiBase;
    /** The simulator's base URL, where widgets.js is served; null when Axerve is not simulated. */
    private final String widgetsBase;

    WidgetCheckout(DemoStorefront shop, String apiBase, String widgetsBase) {
        this.shop = shop;
        this.apiBase = apiBase;
        this.widgetsBase = widgetsBase;
    }

    /** The shop page's second button for a product. */
    String link(DemoStorefront.Product p) {
        return "<a class=\"amazon-pay widget-pay\" id=\"widget-pay-" + p.id() + "\" href=\"" + PREFIX + "?product="
                + p.id() + "\">Pay here with Amazon Pay</a>";
    }

    boolean handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (path.equals(PREFIX) && method.equals("GET")) {
            checkoutPage(ex);
        } else if (path.equals(PAY_PATH) && method.equals("POST")) {
            pay(ex);
        } else if (path.equals(UPSELL_PATH) && method.equals("GET")) {
            upsellPage(ex);
        } else if (path.equals(UPSELL_PATH) && method.equals("POST")) {
            acceptUpsell(ex);
        } else if (path.equals(UPSELL_RESULT_PATH) && method.equals("GET")) {
            upsellResult(ex);
        } else {
            return false;
        }
        return true;
    }

    private void checkoutPage(HttpExchange ex) throws IOException {
        DemoStorefront.Product product = product(DemoStorefront.form(ex.getRequestURI().getRawQuery()).get("product"));
        if (product == null) {
            DemoStorefront.html(ex, 400, DemoStorefront.page("Unknown product", "<p>That product is not in the shop."
                    + "</p>" + DemoStorefront.back(), null));
            return;
        }
        if (widgetsBase == null) {
            DemoStorefront.html(ex, 200, DemoStorefront.page("Checkout", "<p id=\"error\">The widget checkout needs "
                    + "the Axerve simulator's Amazon widgets (Amazon's real widgets need a Seller Central client id "
                    + "for this origin).</p>" + DemoStorefront.back(), null));
            return;
        }
        // one order per checkout page: paying again after a decline is the next attempt of the same order
        String orderId = "demo-w-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String c = "<p class=\"note\">Amazon Pay on the shop's own page: sign in, pick the address and the payment "
                + "method in Amazon's widgets, pay without leaving the shop.</p>"
                + "<div class=\"product\"><h2>" + esc(product.name()) + "</h2><p class=\"price\">€ " + product.price()
                + "</p></div>"
                + "<div id=\"amazon-button\"></div><div id=\"address-book\"></div><div id=\"wallet\"></div>"
                + "<div id=\"consent\"></div>"
                + "<p class=\"note\" id=\"consent-note\" hidden>With Amazon's consent box ticked the shop keeps this "
                + "payment method: one-click extras after checkout and a monthly refill of " + esc(product.name())
                + " (€ " + product.price() + " a month, cancel anytime).</p>"
                + "<button type=\"button\" class=\"amazon-pay\" id=\"place-order\" disabled>Pay € " + product.price()
                + "</button><div id=\"widget-result\" aria-live=\"polite\"></div>"
                + "<script src=\"" + esc(widgetsBase) + "/amazon/widgets.js\"></script>"
                + "<script>" + checkoutScript(orderId, product) + "</script>" + DemoStorefront.back();
        DemoStorefront.html(ex, 200, DemoStorefront.page("Checkout", c, null));
    }

    private static String checkoutScript(String orderId, DemoStorefront.Product product) {
        return "(function(){var sellerId='" + SELLER_ID + "',orderId='" + orderId + "',product='" + product.id() + "';"
                + "var amazonId=null,consent=false,busy=false;var pay=document.getElementById('place-order');"
                + "var out=document.getElementById('widget-result');"
                + "function widgets(){new OffAmazonPayments.Widgets.AddressBook({sellerId:sellerId,"
                + "agreementType:'BillingAgreement',onReady:function(ba){amazonId=ba.getAmazonBillingAgreementId();"
                + "new OffAmazonPayments.Widgets.Wallet({sellerId:sellerId,amazonBillingAgreementId:amazonId,"
                + "onPaymentSelect:function(){pay.disabled=busy;}}).bind('wallet');"
                + "new OffAmazonPayments.Widgets.Consent({sellerId:sellerId,amazonBillingAgreementId:amazonId,"
                + "onConsent:function(s){consent=s.getConsentStatus()==='true';}}).bind('consent');"
                + "document.getElementById('consent-note').hidden=false;},"
                + "onError:function(e){if(e.getErrorCode()!=='BuyerNotSignedIn'){out.textContent=e.getErrorMessage();}}"
                + "}).bind('address-book');}"
                + "OffAmazonPayments.Button('amazon-button',sellerId,{onSignIn:widgets});widgets();"
                + "function show(r){out.innerHTML='';var s=document.createElement('p');s.id='state';"
                + "s.className='state state-'+String(r.state||'error').toLowerCase();s.setAttribute('data-state',"
                + "r.state||'ERROR');s.textContent=r.headline||r.error;out.appendChild(s);"
                + "if(r.buyerMessage){var d=document.createElement('p');d.id='decline';d.className='decline';"
                + "d.textContent=r.buyerMessage;out.appendChild(d);}"
                + "if(r.paymentId){var i=document.createElement('p');i.id='payment-id';i.textContent=r.paymentId;"
                + "out.appendChild(i);}"
                + "if(r.upsellUrl){var a=document.createElement('a');a.id='to-upsell';a.className='amazon-pay';"
                + "a.href=r.upsellUrl;a.textContent='Continue';out.appendChild(a);pay.hidden=true;}}"
                + "pay.addEventListener('click',function(){if(busy||!amazonId){return;}busy=true;pay.disabled=true;"
                + "out.textContent='Paying…';OffAmazonPayments.Widgets.flush().then(function(){"
                + "return fetch('" + PAY_PATH + "',{method:'POST',headers:{'Content-Type':'application/json'},"
                + "body:JSON.stringify({orderId:orderId,product:product,amazonId:amazonId,consent:consent})});})"
                + ".then(function(r){return r.json();}).then(show,function(){show({error:'The shop did not answer.'});})"
                + ".then(function(){busy=false;pay.disabled=false;});});})();";
    }

    /** The page's pay button: POST /payments/widget with the id from the widgets; JSON for the page's script. */
    private void pay(HttpExchange ex) throws IOException {
        JsonNode in = DemoStorefront.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        DemoStorefront.Product product = in == null ? null : product(in.path("product").asText(null));
        String orderId = in == null ? "" : in.path("orderId").asText("");
        String amazonId = in == null ? "" : in.path("amazonId").asText("");
        if (product == null || !ORDER_ID.matcher(orderId).matches() || !AMAZON_ID.matcher(amazonId).matches()) {
            json(ex, 400, Map.of("error", "The checkout sent an unknown product, order or Amazon id."));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("amount", product.price());
        body.put("currency", "EUR");
        body.put("amazonOrderReferenceId", amazonId);
        if (in.path("consent").asBoolean(false)) {
            // the buyer ticked Amazon's consent box: the billing agreement's token becomes an agreement
            body.put("recurring", Map.of("mode", "paynowandrecurring", "plan",
                    Map.of("amount", product.price(), "currency", "EUR", "interval", "P1M")));
        }
        HttpResponse<String> r = shop.call(HttpRequest.newBuilder(URI.create(apiBase + "/payments/widget"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
        JsonNode p = r == null ? null : DemoStorefront.parse(r.body());
        if (r == null || (r.statusCode() != 200 && r.statusCode() != 201) || p == null) {
            json(ex, 502, Map.of("error", "The payment could not be made" + (r == null ? " (the API did not answer)"
                    : " (API answered " + r.statusCode() + DemoStorefront.errorCode(p) + ")") + "."));
            return;
        }
        json(ex, 200, outcome(p));
    }

    private static Map<String, Object> outcome(JsonNode p) {
        String state = p.path("state").asText();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paymentId", p.path("paymentId").asText());
        m.put("state", state);
        m.put("headline", DemoStorefront.headline(state));
        m.put("amount", p.path("amount").asText() + " " + p.path("currency").asText());
        if (p.has("decline")) {
            m.put("buyerMessage", p.path("decline").path("buyerMessage").asText());
        }
        if (paid(state)) {
            m.put("upsellUrl", UPSELL_PATH + "?paymentId=" + enc(p.path("paymentId").asText()));
        }
        return m;
    }

    private void upsellPage(HttpExchange ex) throws IOException {
        String paymentId = DemoStorefront.form(ex.getRequestURI().getRawQuery()).get("paymentId");
        JsonNode p = paidPayment(ex, paymentId);
        if (p == null) {
            return;
        }
        boolean agreement = activeAgreement(p) != null;
        StringBuilder c = new StringBuilder("<p class=\"state state-captured\" id=\"state\" data-state=\"")
                .append(esc(p.path("state").asText())).append("\">Thank you! Your payment was successful.</p>")
                .append("<div class=\"product upsell\"><h2>One more thing</h2><p id=\"offer\">Add a second bag for € ")
                .append(UPSELL_AMOUNT).append("?</p>");
        c.append("<form method=\"post\" action=\"").append(UPSELL_PATH).append("\" id=\"upsell-form\">")
                .append("<input type=\"hidden\" name=\"paymentId\" value=\"").append(esc(paymentId)).append("\">");
        if (agreement) {
            // consented: the agreement charges it, nothing to ask the buyer
            c.append("<p class=\"note\" id=\"upsell-mode\" data-mode=\"agreement\">Charged with the Amazon Pay "
                    + "payment method you agreed to keep with us.</p>");
        } else {
            // no consent: Amazon's widgets confirm it with a fresh order reference, choices preselected
            c.append("<p class=\"note\" id=\"upsell-mode\" data-mode=\"widgets\">Confirm with Amazon Pay:</p>")
                    .append("<input type=\"hidden\" name=\"amazonId\" id=\"amazon-id\">")
                    .append("<div id=\"address-book\"></div><div id=\"wallet\"></div>");
        }
        c.append("<button type=\"submit\" class=\"amazon-pay\" id=\"accept-upsell\"").append(agreement ? "" : " disabled")
                .append(">Yes, add it for € ").append(UPSELL_AMOUNT).append("</button></form>")
                .append("<p><a href=\"").append(UPSELL_RESULT_PATH).append("?paymentId=").append(esc(enc(paymentId)))
                .append("\" id=\"decline-upsell\">No, thanks</a></p></div>");
        if (!agreement) {
            c.append("<script src=\"").append(esc(widgetsBase)).append("/amazon/widgets.js\"></script><script>")
                    .append("(function(){var f=document.getElementById('upsell-form'),b=document.getElementById("
                            + "'accept-upsell'),id=document.getElementById('amazon-id');")
                    .append("new OffAmazonPayments.Widgets.AddressBook({sellerId:'").append(SELLER_ID)
                    .append("',onOrderReferenceCreate:function(r){id.value=r.getAmazonOrderReferenceId();")
                    .append("new OffAmazonPayments.Widgets.Wallet({sellerId:'").append(SELLER_ID)
                    .append("',amazonOrderReferenceId:id.value,onPaymentSelect:function(){b.disabled=false;}})")
                    .append(".bind('wallet');}}).bind('address-book');")
                    // every click is sent once the widgets' choices reached Amazon; the server charges once
                    .append("f.addEventListener('submit',function(e){e.preventDefault();")
                    .append("OffAmazonPayments.Widgets.flush().then(function(){f.submit();});});})();</script>");
        }
        DemoStorefront.html(ex, 200, DemoStorefront.page("Your order", c.toString(), null));
    }

    /** The upsell's one click: one deterministic id per offer, so a second click finds the first charge. */
    private void acceptUpsell(HttpExchange ex) throws IOException {
        Map<String, String> form = DemoStorefront.form(new String(ex.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        String paymentId = form.get("paymentId");
        JsonNode p = paidPayment(ex, paymentId);
        if (p == null) {
            return;
        }
        String agreementId = activeAgreement(p);
        HttpResponse<String> r;
        String upsellPaymentId = null;
        if (agreementId != null) {
            r = shop.call(HttpRequest.newBuilder(URI.create(apiBase + "/agreements/" + enc(agreementId) + "/charges"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("chargeId", upsellChargeId(paymentId),
                            "amount", UPSELL_AMOUNT, "currency", "EUR")))));
        } else {
            String amazonId = form.getOrDefault("amazonId", "");
            if (!AMAZON_ID.matcher(amazonId).matches()) {
                DemoStorefront.html(ex, 400, DemoStorefront.page("Your order", "<p id=\"error\">Amazon Pay did not "
                        + "confirm the extra; please try again.</p>" + DemoStorefront.back(), null));
                return;
            }
            r = shop.call(HttpRequest.newBuilder(URI.create(apiBase + "/payments/widget"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("orderId",
                            p.path("orderId").asText() + "-upsell", "amount", UPSELL_AMOUNT, "currency", "EUR",
                            "amazonOrderReferenceId", amazonId)))));
            JsonNode up = r == null ? null : DemoStorefront.parse(r.body());
            upsellPaymentId = up == null ? null : up.path("paymentId").asText(null);
        }
        if (r == null || r.statusCode() / 100 != 2) {
            DemoStorefront.html(ex, 502, DemoStorefront.page("Your order", "<p id=\"error\">The extra could not be "
                    + "charged" + (r == null ? "" : " (API answered " + r.statusCode()
                    + DemoStorefront.errorCode(DemoStorefront.parse(r.body())) + ")") + ".</p>"
                    + DemoStorefront.back(), null));
            return;
        }
        String location = UPSELL_RESULT_PATH + "?paymentId=" + enc(paymentId)
                + (upsellPaymentId == null ? "" : "&upsellPaymentId=" + enc(upsellPaymentId));
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(303, -1);
        ex.close();
    }

    /** The agreement charge's id for the upsell offered after this payment: one offer, one charge. */
    static String upsellChargeId(String paymentId) {
        return "upsell-" + paymentId;
    }

    private void upsellResult(HttpExchange ex) throws IOException {
        Map<String, String> q = DemoStorefront.form(ex.getRequestURI().getRawQuery());
        String paymentId = q.get("paymentId");
        JsonNode p = paidPayment(ex, paymentId);
        if (p == null) {
            return;
        }
        int refreshes = Math.max(0, Math.min(DemoStorefront.MAX_REFRESHES, parseInt(q.get("refresh"))));
        StringBuilder c = new StringBuilder();
        c.append("<h2>Your payment</h2><dl><dt>Amount</dt><dd id=\"amount\">").append(esc(p.path("amount").asText()))
                .append(' ').append(esc(p.path("currency").asText())).append("</dd><dt>State</dt><dd id=\"state\" ")
                .append("data-state=\"").append(esc(p.path("state").asText())).append("\">")
                .append(esc(p.path("state").asText())).append("</dd><dt>Payment</dt><dd id=\"payment-id\">")
                .append(esc(paymentId)).append("</dd></dl>");
        String upsellState = null;
        String eventsId = null;
        String eventsPrefix = "Payment ";
        String agreementId = p.path("agreementId").asText(null);
        String upsellPaymentId = q.get("upsellPaymentId");
        if (upsellPaymentId != null && PAYMENT_ID.matcher(upsellPaymentId).matches()) {
            JsonNode u = get("/payments/" + enc(upsellPaymentId));
            if (u != null && u.path("orderId").asText().equals(p.path("orderId").asText() + "-upsell")) {
                upsellState = u.path("state").asText();
                eventsId = upsellPaymentId;
                c.append("<h2>Second bag</h2><dl><dt>Amount</dt><dd id=\"upsell-amount\">")
                        .append(esc(u.path("amount").asText())).append(" EUR</dd><dt>State</dt>")
                        .append("<dd id=\"upsell-state\" data-state=\"").append(esc(upsellState)).append("\">")
                        .append(esc(upsellState)).append("</dd><dt>Paid with</dt><dd id=\"upsell-via\">a new Amazon "
                                + "Pay confirmation</dd></dl>");
            }
        } else if (agreementId != null) {
            JsonNode a = get("/agreements/" + enc(agreementId));
            for (JsonNode ch : a == null ? List.<JsonNode>of() : iterable(a.path("charges"))) {
                if (upsellChargeId(paymentId).equals(ch.path("chargeId").asText())) {
                    upsellState = ch.path("outcome").asText();
                    eventsId = agreementId;
                    eventsPrefix = "Agreement ";
                    c.append("<h2>Second bag</h2><dl><dt>Amount</dt><dd id=\"upsell-amount\">")
                            .append(esc(ch.path("amount").asText())).append(' ').append(esc(ch.path("currency")
                                    .asText())).append("</dd><dt>State</dt><dd id=\"upsell-state\" data-state=\"")
                            .append(esc(upsellState)).append("\">").append(esc(upsellState))
                            .append("</dd><dt>Paid with</dt><dd id=\"upsell-via\">your Amazon Pay agreement</dd>")
                            .append("</dl>");
                }
            }
        }
        if (upsellState == null) {
            c.append("<p id=\"no-upsell\">No extras on this order.</p>");
        }
        c.append(shop.events(paymentId, "Payment ", "events", "Events for the merchant's systems: the payment"));
        if (eventsId != null) {
            c.append(shop.events(eventsId, eventsPrefix, "upsell-events", eventsPrefix.equals("Payment ")
                    ? "Events for the merchant's systems: the second bag"
                    : "Events for the merchant's systems: the agreement (created, then charged for the second bag)"));
        }
        // the outbox relay publishes a moment after each change: look again a few times
        String refresh = refreshes < 3 ? UPSELL_RESULT_PATH + "?" + ex.getRequestURI().getRawQuery()
                .replaceAll("&?refresh=\\d+", "") + "&refresh=" + (refreshes + 1) : null;
        c.append("<p class=\"final\" id=\"final\" data-final=\"").append(refresh == null).append("\"></p>");
        DemoStorefront.html(ex, 200, DemoStorefront.page("Your order", c + DemoStorefront.back(), refresh));
    }

    /** The payment when it is paid; otherwise answers the exchange with an error page and returns null. */
    private JsonNode paidPayment(HttpExchange ex, String paymentId) throws IOException {
        JsonNode p = paymentId == null || !PAYMENT_ID.matcher(paymentId).matches() ? null
                : get("/payments/" + enc(paymentId));
        if (p == null || !paid(p.path("state").asText())) {
            DemoStorefront.html(ex, 404, DemoStorefront.page("Your order", "<p id=\"error\">There is no paid order "
                    + "to add to.</p>" + DemoStorefront.back(), null));
            return null;
        }
        return p;
    }

    /** The payment's agreement id when the buyer consented and the agreement is active; null otherwise. */
    private String activeAgreement(JsonNode payment) {
        String agreementId = payment.path("agreementId").asText(null);
        if (agreementId == null) {
            return null;
        }
        JsonNode a = get("/agreements/" + enc(agreementId));
        return a != null && "ACTIVE".equals(a.path("state").asText()) ? agreementId : null;
    }

    private JsonNode get(String path) {
        HttpResponse<String> r = shop.call(HttpRequest.newBuilder(URI.create(apiBase + path)).GET());
        return r == null || r.statusCode() != 200 ? null : DemoStorefront.parse(r.body());
    }

    private static boolean paid(String state) {
        return List.of("AUTHORIZED", "CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED").contains(state);
    }

    private static DemoStorefront.Product product(String id) {
        return DemoStorefront.PRODUCTS.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array::elements;
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void json(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
        ex.close();
    }
}
