package com.axpay.rehearsal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recording pass-through on 127.0.0.1 for {@code --trace-io}: forwards every request to its target (method, path,
 * body and headers, but the hop-by-hop ones and {@code Host}, which the JDK client sets; the local services do not
 * check SigV4 signatures) and notes the remote operation, {@code dynamodb:GetItem} (the {@code X-Amz-Target} of
 * an AWS JSON protocol call) or {@code axerve:callSettleS2S} (the SOAP body's first element), so the bench can show
 * that a function and its reference made the same remote calls. Only in the tracing pass: it adds a hop, so no
 * timing goes through it.
 */
final class IoRecorder implements AutoCloseable {

    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SOAP_OPERATION = Pattern.compile("<(?:\\w+:)?Body[^>]*>\\s*<(?:\\w+:)?(\\w+)");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> soapBodies = new CopyOnWriteArrayList<>();

    /**
     * One remote call: {@code op} like {@code dynamodb:TransactWriteItems[2]} (with the number of items written
     * together), compared between a function and its reference; {@code detail} adds the key prefixes or the index.
     */
    record Call(String op, String detail) {
        @Override
        public String toString() {
            return detail.isEmpty() ? op : op + " " + detail;
        }
    }

    private IoRecorder(HttpServer server) {
        this.server = server;
    }

    static IoRecorder start() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        s.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "io-recorder");
            t.setDaemon(true);
            return t;
        }));
        s.start();
        return new IoRecorder(s);
    }

    /** The address a function is given instead of {@code target}; its calls are noted as {@code name:Operation}. */
    String front(String name, String target) {
        String context = "/" + name;
        server.createContext(context, ex -> forward(ex, name, target, context));
        return "http://127.0.0.1:" + server.getAddress().getPort() + context;
    }

    List<Call> take() {
        List<Call> out = new ArrayList<>(calls);
        calls.clear();
        return out;
    }

    /** The SOAP requests seen so far (the bench writes them beside its task roots, to compare envelopes). */
    List<String> soapBodies() {
        return soapBodies;
    }

    private void forward(HttpExchange ex, String name, String target, String context) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getRawPath().substring(context.length());
            String query = ex.getRequestURI().getRawQuery();
            URI uri = URI.create(target.replaceAll("/$", "") + path + (query == null ? "" : "?" + query));
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                    .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((k, vs) -> {
                if (!RESTRICTED.contains(k.toLowerCase(Locale.ROOT))) {
                    vs.forEach(v -> b.header(k, v));
                }
            });
            calls.add(call(name, ex, body));
            HttpResponse<byte[]> r;
            try {
                r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            r.headers().map().forEach((k, vs) -> {
                if (!RESTRICTED.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
                    ex.getResponseHeaders().put(k, vs);
                }
            });
            byte[] answer = r.body();
            ex.sendResponseHeaders(r.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private Call call(String name, HttpExchange ex, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
        if (target == null) {
            Matcher m = SOAP_OPERATION.matcher(text);
            if (m.find()) {
                soapBodies.add(text);
                return new Call(name + ":" + m.group(1), "");
            }
            return new Call(name + ":" + ex.getRequestMethod() + " " + ex.getRequestURI().getPath(), "");
        }
        String op = target.substring(target.indexOf('.') + 1);
        if (!name.equals("dynamodb")) {
            return new Call(name + ":" + op, "");
        }
        try {
            JsonNode req = JSON.readTree(text);
            if (op.equals("TransactWriteItems")) {
                List<String> items = new ArrayList<>();
                for (JsonNode item : req.path("TransactItems")) {
                    String kind = item.fieldNames().next();
                    JsonNode write = item.get(kind);
                    items.add(kind + " " + prefix(write.has("Item") ? write.path("Item") : write.path("Key")));
                }
                return new Call(name + ":" + op + "[" + items.size() + "]", "(" + String.join(", ", items) + ")");
            }
            if (op.equals("Query") || op.equals("Scan")) {
                return new Call(name + ":" + op, "(" + req.path("IndexName").asText("table") + ")");
            }
            return new Call(name + ":" + op, "(" + prefix(req.has("Item") ? req.path("Item") : req.path("Key"))
                    + ")");
        } catch (IOException e) {
            return new Call(name + ":" + op, "");
        }
    }

    /** The partition key's prefix ({@code PAY#}, {@code AGR#}...): which kind of item, not which one. */
    private static String prefix(JsonNode item) {
        String pk = item.path("pk").path("S").asText("?");
        int hash = pk.indexOf('#');
        return hash < 0 ? pk : pk.substring(0, hash + 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
