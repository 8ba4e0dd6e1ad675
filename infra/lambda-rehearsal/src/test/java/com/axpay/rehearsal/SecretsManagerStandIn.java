package com.axpay.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a SnapStart function reads its secrets from: Lambda's container credentials endpoint
 * ({@code GET} on {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} with {@code Authorization:
 * AWS_CONTAINER_AUTHORIZATION_TOKEN}, answering AccessKeyId, SecretAccessKey, Token, Expiration) and Secrets Manager's
 * GetSecretValue ({@code POST /}, {@code X-Amz-Target: secretsmanager.GetSecretValue}), each a JDK HttpServer on
 * 127.0.0.1. Every environment has its own authorization token and so its own credentials; GetSecretValue is refused
 * (403, as AWS does) unless its Authorization header is SigV4 for service {@code secretsmanager} with that
 * environment's access key, and its signed {@code x-amz-security-token} is that environment's Token. The signature's
 * arithmetic is checked by the payments module's own tests; here the point is the credentials' path. Reads and
 * credential fetches made before the environment's first event are counted: SnapStart's INIT must make none (they
 * would be captured in the snapshot).
 */
final class SecretsManagerStandIn implements AutoCloseable {

    static final String CREDENTIALS_PATH = "/2023-01-01/credentials";
    private static final Pattern SIGV4 = Pattern.compile("AWS4-HMAC-SHA256 Credential=([A-Z0-9]+)/\\d{8}/([a-z0-9-]+)"
            + "/([a-z0-9]+)/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=[0-9a-f]{64}");

    /** One environment's credentials and how many events it has taken. */
    private record Environment(String authorizationToken, String accessKeyId, String secretAccessKey, String token,
                               IntSupplier invocations) {
    }

    private final String region;
    private final HttpServer credentialsServer;
    private final HttpServer secretsServer;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Environment> byAuthorization = new ConcurrentHashMap<>();
    private final Map<String, Environment> byToken = new ConcurrentHashMap<>();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger credentialsServed = new AtomicInteger();
    private final AtomicInteger beforeFirstEvent = new AtomicInteger();
    final List<String> refusals = new CopyOnWriteArrayList<>();

    SecretsManagerStandIn(String region) throws IOException {
        this.region = region;
        credentialsServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        credentialsServer.createContext(CREDENTIALS_PATH, this::credentials);
        credentialsServer.start();
        secretsServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        secretsServer.createContext("/", this::getSecretValue);
        secretsServer.start();
    }

    /** {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} of every environment. */
    String credentialsUri() {
        return "http://127.0.0.1:" + credentialsServer.getAddress().getPort() + CREDENTIALS_PATH;
    }

    /** {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}. */
    String endpoint() {
        return "http://127.0.0.1:" + secretsServer.getAddress().getPort();
    }

    void put(String arn, String value) {
        secrets.put(arn, value);
    }

    /**
     * A new environment's {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}; its credentials are issued against it.
     */
    String newAuthorizationToken() {
        return "container-auth-" + UUID.randomUUID();
    }

    /** @param invocations the number of events the environment with this authorization token has received */
    void environment(String authorizationToken, IntSupplier invocations) {
        String id = UUID.randomUUID().toString().replace("-", "");
        Environment e = new Environment(authorizationToken, "ASIA" + id.substring(0, 16).toUpperCase(),
                "secret-" + id, "container-session-" + id, invocations);
        byAuthorization.put(authorizationToken, e);
        byToken.put(e.token(), e);
    }

    /** Secrets answered. */
    int served() {
        return served.get();
    }

    /** Credentials handed out. */
    int credentialsServed() {
        return credentialsServed.get();
    }

    /** Credential fetches and secret reads made by an environment that had not yet taken an event. */
    int beforeFirstEvent() {
        return beforeFirstEvent.get();
    }

    private void credentials(HttpExchange ex) throws IOException {
        try (ex) {
            Environment e = byAuthorization.get(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            if (!"GET".equals(ex.getRequestMethod()) || e == null) {
                refusals.add("credentials: " + ex.getRequestMethod() + " with an unknown authorization token");
                send(ex, 401, Events.JSON.createObjectNode().put("message", "unauthorized"));
                return;
            }
            if (e.invocations().getAsInt() == 0) {
                beforeFirstEvent.incrementAndGet();
            }
            credentialsServed.incrementAndGet();
            send(ex, 200, Events.JSON.createObjectNode().put("AccessKeyId", e.accessKeyId())
                    .put("SecretAccessKey", e.secretAccessKey()).put("Token", e.token())
                    .put("Expiration", Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                            .toString()));
        }
    }

    private void getSecretValue(HttpExchange ex) throws IOException {
        try (ex) {
            Headers h = ex.getRequestHeaders();
            byte[] in = ex.getRequestBody().readNBytes(64 * 1024);
            Environment e = byToken.get(String.valueOf(h.getFirst("X-Amz-Security-Token")));
            String problem = signatureProblem(h, e);
            if (problem != null) {
                refusals.add(problem);
                send(ex, 403, error("IncompleteSignatureException", problem));
                return;
            }
            if (e.invocations().getAsInt() == 0) {
                beforeFirstEvent.incrementAndGet();
            }
            if (!"POST".equals(ex.getRequestMethod()) || !"/".equals(ex.getRequestURI().getPath())
                    || !"secretsmanager.GetSecretValue".equals(h.getFirst("X-Amz-Target"))) {
                send(ex, 400, error("UnknownOperationException", "only GetSecretValue here"));
                return;
            }
            JsonNode request = Events.parse(new String(in, StandardCharsets.UTF_8));
            String id = request.path("SecretId").asText();
            String value = secrets.get(id);
            if (value == null) {
                send(ex, 400, error("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
                return;
            }
            served.incrementAndGet();
            ObjectNode answer = Events.JSON.createObjectNode().put("ARN", id)
                    .put("Name", id.substring(id.lastIndexOf(':') + 1)).put("SecretString", value)
                    .put("VersionId", "v1");
            answer.putArray("VersionStages").add("AWSCURRENT");
            send(ex, 200, answer);
        }
    }

    /** Null when the request is signed SigV4 for secretsmanager in our region with the environment's credentials. */
    private String signatureProblem(Headers h, Environment e) {
        if (e == null) {
            return "x-amz-security-token missing or not a token this endpoint issued";
        }
        Matcher m = SIGV4.matcher(String.valueOf(h.getFirst("Authorization")));
        if (!m.matches()) {
            return "Authorization is not AWS4-HMAC-SHA256";
        }
        if (!m.group(1).equals(e.accessKeyId())) {
            return "signed with an access key that does not go with the security token";
        }
        if (!m.group(2).equals(region) || !m.group(3).equals("secretsmanager")) {
            return "credential scope " + m.group(2) + "/" + m.group(3) + " is not " + region + "/secretsmanager";
        }
        if (!Arrays.asList(m.group(4).split(";")).containsAll(List.of("host", "x-amz-date", "x-amz-target",
                "x-amz-security-token"))) {
            return "signed headers " + m.group(4) + " miss some";
        }
        return null;
    }

    private static ObjectNode error(String type, String message) {
        return Events.JSON.createObjectNode().put("__type", type).put("message", message);
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        credentialsServer.stop(0);
        secretsServer.stop(0);
    }
}
