package com.axpay.conformance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Sends hand-built envelopes, the way Axerve's WSDLs describe them, and reads the raw answer. Deliberately not the
 * project's SOAP client: the run must see the answer's shape exactly as it came, and judge the simulator, not share
 * its assumptions.
 */
final class SoapCaller {
    static final String CRYPT_PATH = "/gestpay/GestPayWS/WsCryptDecrypt.asmx";
    static final String S2S_PATH = "/gestpay/gestpayws/WSs2s.asmx";
    static final String CRYPT_NS = "https://ecomm.sella.it/";
    static final String S2S_NS = "https://ecomms2s.sella.it/";
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

    /** How the request is framed: the normal SOAP 1.1 and 1.2 calls, and the two framings ASMX refuses. */
    enum Framing { SOAP11, SOAP12, SOAP11_NO_ACTION, PLAIN_XML }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    static boolean isCrypt(String operation) {
        return operation.equals("Encrypt") || operation.equals("Decrypt");
    }

    Answer call(String baseUrl, String operation, Map<String, String> params, Framing framing) {
        String ns = isCrypt(operation) ? CRYPT_NS : S2S_NS;
        String envNs = framing == Framing.SOAP12 ? SOAP12 : SOAP11;
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"")
                .append(envNs).append("\"><soap:Body><").append(operation).append(" xmlns=\"").append(ns).append("\">");
        params.forEach((k, v) -> {
            if (v == null) return;
            b.append('<').append(k).append('>');
            b.append(v.startsWith("<") ? v : escape(v)); // a value starting with '<' is an XML fragment (paymentTypes)
            b.append("</").append(k).append('>');
        });
        b.append("</").append(operation).append("></soap:Body></soap:Envelope>");
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(baseUrl + (isCrypt(operation) ? CRYPT_PATH : S2S_PATH)))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(b.toString()));
        String action = ns + operation;
        switch (framing) {
            case SOAP11 -> r.header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"" + action + "\"");
            case SOAP12 -> r.header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + action + "\"");
            case SOAP11_NO_ACTION -> r.header("Content-Type", "text/xml; charset=utf-8");
            case PLAIN_XML -> r.header("Content-Type", "application/xml").header("SOAPAction", "\"" + action + "\"");
        }
        try {
            HttpResponse<byte[]> resp = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
            return read(resp.statusCode(), resp.body());
        } catch (IOException e) {
            return Answer.failed("no answer: " + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed("interrupted");
        }
    }

    /** GET without following redirects; returns the Location header, or null. */
    String location(String url) throws IOException, InterruptedException {
        HttpResponse<Void> resp = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.discarding());
        return resp.headers().firstValue("Location").orElse(null);
    }

    static Answer read(int status, byte[] body) {
        Document doc;
        try {
            doc = parse(body);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return new Answer(status, List.of("(not XML)"), null, null, null, Map.of(), null);
        }
        Element env = doc.getDocumentElement();
        Element soapBody = firstChild(env, "Body");
        Element first = soapBody == null ? null : firstChild(soapBody, null);
        if (first == null) return new Answer(status, List.of("(no body)"), null, null, null, Map.of(), null);
        if ("Fault".equals(first.getLocalName())) {
            String code = SOAP12.equals(env.getNamespaceURI())
                    ? text(firstChild(firstChild(first, "Code"), "Value")) : text(firstChild(first, "faultcode"));
            String reason = SOAP12.equals(env.getNamespaceURI())
                    ? text(firstChild(firstChild(first, "Reason"), "Text")) : text(firstChild(first, "faultstring"));
            String version = SOAP12.equals(env.getNamespaceURI()) ? "Fault (SOAP 1.2)" : "Fault (SOAP 1.1)";
            return new Answer(status, List.of(version), null, code, reason, Map.of(), null);
        }
        Element result = firstChild(first, null);
        Element payload = result == null ? null : firstChild(result, null);
        if (payload == null) return new Answer(status, List.of("(no payload)"), null, null, null, Map.of(), null);
        List<String> shape = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        String version = SOAP12.equals(env.getNamespaceURI()) ? " (SOAP 1.2)" : "";
        shape.add(first.getLocalName() + "/" + result.getLocalName() + "/" + payload.getLocalName() + version);
        walk(payload, "", shape, values);
        return new Answer(status, shape, values.get("TransactionResult"), values.get("ErrorCode"),
                values.get("ErrorDescription"), values, null);
    }

    private static void walk(Element e, String prefix, List<String> shape, Map<String, String> values) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c)) continue;
            String path = prefix + c.getLocalName();
            shape.add(path);
            if (firstChild(c, null) == null) values.putIfAbsent(path, c.getTextContent().trim());
            else walk(c, path + "/", shape, values);
        }
    }

    private static Document parse(byte[] body) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private static Element firstChild(Element parent, String localName) {
        if (parent == null) return null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && (localName == null || localName.equals(c.getLocalName()))) return c;
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().trim();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }
}
