package com.axpay.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code /pagam/pagam.aspx?a=<shopLogin>&b=<CryptDecryptString>}: plays Amazon's journey (sign-in, address book,
 * wallet) as plain HTML forms, then redirects the buyer to the merchant's positive or negative URL with the
 * encrypted result. {@code &sim=<scenario>} skips the journey.
 */
final class PaymentPage {
    private static final String HTML = "text/html; charset=utf-8";
    private final SimulatorState state;
    private final PaymentEngine engine;

    PaymentPage(SimulatorState state, PaymentEngine engine) {
        this.state = state;
        this.engine = engine;
    }

    void handle(HttpExchange ex) throws IOException {
        Map<String, String> p = Http.query(ex.getRequestURI().getRawQuery());
        boolean post = "POST".equals(ex.getRequestMethod());
        if (post) {
            byte[] body = Http.readBody(ex);
            if (body != null) Http.query(new String(body, StandardCharsets.UTF_8)).forEach(p::putIfAbsent);
        }
        String a = p.get("a");
        var entry = state.crypt.find(p.get("b"))
                .filter(e -> e instanceof CryptStrings.PaymentPage && e.shopLogin().equals(a));
        if (entry.isEmpty()) {
            error(ex, ErrorCatalog.INVALID_PARAMETER_STRING, "Parametri a/b non validi");
            return;
        }
        Transaction tx = ((CryptStrings.PaymentPage) entry.get()).transaction();
        MerchantProfile m = state.merchant(a).orElse(null);
        if (m == null || tx.status() != Transaction.Status.AWAITING_BUYER) {
            error(ex, ErrorCatalog.ALREADY_PROCESSED_ENCRYPT, "Transazione gia' elaborata");
            return;
        }
        String sim = p.get("sim");
        if (sim != null) {
            Scenario s = Scenario.byId(sim).orElse(null);
            if (s == null) {
                error(ex, ErrorCatalog.INVALID_VALUE, "InvalidSandboxSimulationSpecified: scenario sconosciuto");
                return;
            }
            finish(ex, tx, m, s, p, post);
            return;
        }
        String step = p.getOrDefault("step", "");
        switch (step) {
            case "signin" -> Http.send(ex, 200, HTML, addressPage(tx, p));
            case "address" -> Http.send(ex, 200, HTML, walletPage(tx, p));
            case "wallet" -> {
                Scenario s = Scenario.byId(p.getOrDefault("method", "")).orElse(null);
                if (s == null) error(ex, ErrorCatalog.INVALID_VALUE, "Metodo di pagamento sconosciuto");
                else finish(ex, tx, m, s, p, post);
            }
            default -> Http.send(ex, 200, HTML, signInPage(tx, p));
        }
    }

    private void finish(HttpExchange ex, Transaction tx, MerchantProfile m, Scenario s, Map<String, String> p,
                        boolean post) throws IOException {
        if (!tx.claim()) {
            error(ex, ErrorCatalog.ALREADY_PROCESSED_ENCRYPT, "Transazione gia' elaborata");
            return;
        }
        PaymentEngine.PageOutcome outcome = engine.completePage(tx, m, s, Address.pick(p.get("address")), p.get("email"));
        String url = outcome.positive() ? state.positiveUrl(m) : state.negativeUrl(m);
        if (url == null || url.isBlank()) {
            Http.send(ex, 200, HTML, page("Esito", "<p id=\"result\">" + tx.result() + " " + tx.errorCode()
                    + "</p><p>Nessun URL di risposta configurato per " + esc(m.shopLogin()) + ".</p>", null));
            return;
        }
        String location = url + (url.contains("?") ? "&" : "?") + "a=" + enc(m.shopLogin()) + "&b=" + enc(outcome.b());
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(post ? 303 : 302, -1);
        ex.close();
    }

    private String signInPage(Transaction tx, Map<String, String> p) {
        return page("Amazon Pay - Accedi", summary(tx) + form(p, "signin",
                "<label>E-mail <input type=\"email\" name=\"email\" value=\"buyer@example.com\"></label><br>"
                        + "<label>Password <input type=\"password\" name=\"password\" value=\"sandbox\"></label><br>",
                "Accedi"), p);
    }

    private String addressPage(Transaction tx, Map<String, String> p) {
        StringBuilder radios = new StringBuilder("<fieldset><legend>Indirizzo di spedizione</legend>");
        for (int i = 0; i < Address.BOOK.size(); i++) {
            Address ad = Address.BOOK.get(i);
            radios.append("<label><input type=\"radio\" name=\"address\" value=\"").append(i).append('"')
                    .append(i == 0 ? " checked" : "").append("> ").append(esc(ad.name())).append(", ")
                    .append(esc(ad.addressLine1())).append(", ").append(esc(ad.postalCode())).append(' ')
                    .append(esc(ad.city())).append(" (").append(ad.countryCode()).append(")</label><br>");
        }
        radios.append("</fieldset>").append(hidden("email", p.get("email")));
        return page("Amazon Pay - Indirizzo", summary(tx) + form(p, "address", radios.toString(), "Continua"), p);
    }

    private String walletPage(Transaction tx, Map<String, String> p) {
        StringBuilder radios = new StringBuilder("<fieldset><legend>Metodo di pagamento</legend>");
        for (Scenario s : Scenario.values()) {
            if (s == Scenario.ABANDON) continue; // offered as the cancel link instead
            radios.append("<label><input type=\"radio\" name=\"method\" value=\"").append(s.id).append('"')
                    .append(s == Scenario.SUCCESS ? " checked" : "").append("> ").append(esc(s.walletLabel))
                    .append(" <code>").append(s.id).append("</code></label><br>");
        }
        radios.append("</fieldset>").append(hidden("email", p.get("email"))).append(hidden("address", p.get("address")));
        return page("Amazon Pay - Portafoglio", summary(tx) + form(p, "wallet", radios.toString(), "Paga ora"), p);
    }

    private static String summary(Transaction tx) {
        PaymentRequest r = tx.request();
        return "<p>Negozio <b>" + esc(tx.shopLogin) + "</b>, ordine <b>" + esc(tx.shopTransactionId) + "</b>: "
                + esc(r.amountText()) + " " + Currencies.iso(r.uicCode()).orElse("") + "</p>";
    }

    private static String form(Map<String, String> p, String step, String fields, String submit) {
        return "<form method=\"post\" action=\"pagam.aspx\">" + hidden("a", p.get("a")) + hidden("b", p.get("b"))
                + hidden("step", step) + fields + "<button type=\"submit\">" + submit + "</button></form>";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + esc(value == null ? "" : value) + "\">";
    }

    private static String page(String title, String content, Map<String, String> p) {
        String cancel = p == null ? "" : "<p><a id=\"cancel\" href=\"pagam.aspx?a=" + esc(enc(p.get("a"))) + "&amp;b="
                + esc(enc(p.get("b"))) + "&amp;sim=abandon\">Annulla e torna al negozio</a></p>";
        return "<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title></head><body><h1>" + esc(title) + "</h1><p><i>Simulatore Axerve - sandbox</i></p>" + content
                + cancel + "</body></html>";
    }

    private static void error(HttpExchange ex, int code, String message) throws IOException {
        Http.send(ex, 400, HTML, page("Errore", "<p id=\"error\">Errore " + code + ": " + esc(message) + "</p>", null));
    }

    private static String esc(String s) { return SecureXml.escape(s == null ? "" : s); }

    private static String enc(String s) { return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8); }
}
