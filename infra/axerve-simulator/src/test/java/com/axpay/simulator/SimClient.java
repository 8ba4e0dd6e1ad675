package com.axpay.simulator;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** A plain HTTP client speaking hand-written SOAP to the simulator, as a merchant back end would. */
final class SimClient {
    static final String CRYPT_PATH = "/gestpay/GestPayWS/WsCryptDecrypt.asmx";
    static final String S2S_PATH = "/gestpay/gestpayws/WSs2s.asmx";
    static final String CRYPT_NS = "https://ecomm.sella.it/";
    static final String S2S_NS = "https://ecomms2s.sella.it/";
    static final String SHOP = "GESPAY00001";

    final String base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    SimClient(String base) {
        this.base = base;
    }

    /** Builds {@code <op xmlns=ns><k>v</k>...</op>}; values are inserted raw so tests can send nested XML. */
    static String envelope(String ns, String op, Map<String, String> params) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>");
        b.append('<').append(op).append(" xmlns=\"").append(ns).append("\">");
        params.forEach((k, v) -> b.append('<').append(k).append('>').append(v).append("</").append(k).append('>'));
        return b.append("</").append(op).append("></soap:Body></soap:Envelope>").toString();
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    HttpResponse<String> post(String path, String soapAction, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body));
        if (soapAction != null) r.header("SOAPAction", soapAction);
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs with any Content-Type and no SOAPAction header (SOAP 1.2 carries the action in the Content-Type). */
    HttpResponse<String> postAs(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A SOAP 1.2 request envelope. */
    static String envelope12(String ns, String op, Map<String, String> params) {
        return envelope(ns, op, params).replace("http://schemas.xmlsoap.org/soap/envelope/",
                "http://www.w3.org/2003/05/soap-envelope");
    }

    /** Calls an operation with the right SOAPAction and returns the parsed payload (GestPayCryptDecrypt/GestPayS2S). */
    Payload call(String op, String... kv) throws Exception {
        boolean crypt = op.equals("Encrypt") || op.equals("Decrypt");
        String ns = crypt ? CRYPT_NS : S2S_NS;
        HttpResponse<String> resp = post(crypt ? CRYPT_PATH : S2S_PATH, "\"" + ns + op + "\"", envelope(ns, op, params(kv)));
        if (resp.statusCode() != 200) throw new AssertionError("HTTP " + resp.statusCode() + ": " + resp.body());
        return Payload.of(resp.body());
    }

    String encrypt(String shopTransactionId, String amount, String... extra) throws Exception {
        List<String> kv = new ArrayList<>(List.of("shopLogin", SHOP, "uicCode", "242", "amount", amount,
                "shopTransactionId", shopTransactionId, "buyerName", "Mario Rossi", "buyerEmail", "mario@example.com",
                "paymentTypes", "<paymentType>AMAZONPAY</paymentType>"));
        kv.addAll(List.of(extra));
        Payload p = call("Encrypt", kv.toArray(String[]::new));
        if (!"OK".equals(p.text("TransactionResult"))) throw new AssertionError("Encrypt KO " + p.text("ErrorCode"));
        return p.text("CryptDecryptString");
    }

    Payload decrypt(String b) throws Exception {
        return call("Decrypt", "shopLogin", SHOP, "CryptedString", b);
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(20)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
        StringBuilder b = new StringBuilder();
        form.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> admin(String method, String path, String json) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
        r.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the payment page with {@code &sim=} and returns the redirect. */
    HttpResponse<String> pay(String b, String scenario) throws Exception {
        return get("/pagam/pagam.aspx?a=" + SHOP + "&b=" + enc(b) + "&sim=" + scenario);
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    /** The {@code b} query parameter of a redirect Location. */
    static String bOf(String location) {
        String q = URI.create(location).getRawQuery();
        for (String pair : q.split("&")) {
            if (pair.startsWith("b=")) return java.net.URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
        }
        throw new AssertionError("no b in " + location);
    }

    /** Waits (bounded) until the condition holds. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    /** A parsed result payload with path lookups such as {@code text("Buyer/BuyerName")}. */
    static final class Payload {
        final Element root;
        final Document doc;

        private Payload(Document doc, Element root) {
            this.doc = doc;
            this.root = root;
        }

        static Payload of(String soap) throws Exception {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(soap.getBytes(StandardCharsets.UTF_8)));
            Element body = child(d.getDocumentElement(), "Body");
            Element response = firstElement(body);
            Element result = firstElement(response);
            return new Payload(d, firstElement(result));
        }

        String text(String path) {
            Element e = element(path);
            return e == null ? null : e.getTextContent();
        }

        Element element(String path) {
            Element cur = root;
            for (String part : path.split("/")) {
                if (cur == null) return null;
                cur = child(cur, part);
            }
            return cur;
        }

        List<String> childNames(String path) {
            Element e = path.isEmpty() ? root : element(path);
            List<String> names = new ArrayList<>();
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c) names.add(c.getLocalName());
            }
            return names;
        }

        List<Element> children(String path, String name) {
            List<Element> out = new ArrayList<>();
            for (Node n = element(path).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c && c.getLocalName().equals(name)) out.add(c);
            }
            return out;
        }

        private static Element child(Element parent, String name) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && name.equals(e.getLocalName())) return e;
            }
            return null;
        }

        private static Element firstElement(Element parent) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) return e;
            }
            throw new AssertionError("no element under " + parent.getLocalName());
        }
    }
}
