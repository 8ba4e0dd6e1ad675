package com.axpay.kit.config;

import com.axpay.kit.testing.HttpReplies;
import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for Secrets Manager's GetSecretValue on 127.0.0.1: it refuses (403, as AWS does) a request whose SigV4
 * Authorization header is not well formed for the expected key, region and service, or whose signature does not
 * match the one it computes itself from the request and the secret key; otherwise it answers from its
 * secrets: a known id with its SecretString, {@link #MISSING} with 400 ResourceNotFoundException, {@link #BROKEN}
 * with 500. Every request's headers are kept for the tests to inspect.
 */
final class FakeSecretsManager implements AutoCloseable {

    static final String REGION = "eu-south-1";
    static final String APIKEY_ARN = "arn:aws:secretsmanager:eu-south-1:111122223333:secret:axpay/axerve-apikey-Ab12Cd";
    static final String MISSING = "arn:aws:secretsmanager:eu-south-1:111122223333:secret:axpay/gone-Zz99Yy";
    static final String BROKEN = "arn:aws:secretsmanager:eu-south-1:111122223333:secret:axpay/broken-Xx11Ww";

    /** algorithm, credential scope (key/date/region/service/aws4_request), signed headers, hex signature */
    static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 Credential=([A-Z0-9]+)/(\\d{8})/([a-z0-9-]+)"
            + "/([a-z0-9]+)/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})");

    private final HttpServer server;
    private final String accessKey;
    private final String secretKey;
    private final String sessionToken;
    private final Map<String, String> secrets;
    final List<Headers> requests = new CopyOnWriteArrayList<>();
    final List<String> refusals = new CopyOnWriteArrayList<>();

    /** @param sessionToken the token signed requests must carry, or null for long-term keys (none may be sent) */
    FakeSecretsManager(String accessKey, String secretKey, String sessionToken, Map<String, String> secrets)
            throws IOException {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.sessionToken = sessionToken;
        this.secrets = Map.copyOf(secrets);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Headers h = ex.getRequestHeaders();
            requests.add(h);
            byte[] in = ex.getRequestBody().readNBytes(64 * 1024);
            String problem = signatureProblem(h);
            if (problem == null) {
                problem = signatureMismatch(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), h, in);
            }
            if (problem != null) {
                refusals.add(problem);
                answer(ex, 403, Map.of("__type", "IncompleteSignatureException", "message", problem));
                return;
            }
            if (!"POST".equals(ex.getRequestMethod()) || !"/".equals(ex.getRequestURI().getPath())
                    || !"secretsmanager.GetSecretValue".equals(h.getFirst("X-Amz-Target"))
                    || !"application/x-amz-json-1.1".equals(h.getFirst("Content-Type"))) {
                answer(ex, 400, Map.of("__type", "UnknownOperationException"));
                return;
            }
            Object id = JSON.std.mapFrom(in).get("SecretId");
            if (BROKEN.equals(id)) {
                answer(ex, 500, Map.of("__type", "InternalServiceError", "message", "try again"));
            } else if (secrets.containsKey(id)) {
                answer(ex, 200, Map.of("ARN", id, "Name", "axpay/secret", "SecretString", secrets.get(id),
                        "VersionId", "v1", "VersionStages", List.of("AWSCURRENT")));
            } else {
                answer(ex, 400, Map.of("__type", "ResourceNotFoundException",
                        "message", "Secrets Manager can't find the specified secret."));
            }
        }
    }

    /** Null when the Authorization header is a well-formed SigV4 one for our key, region and service. */
    private String signatureProblem(Headers h) {
        String auth = h.getFirst("Authorization");
        String date = h.getFirst("X-Amz-Date");
        if (auth == null || date == null || !date.matches("\\d{8}T\\d{6}Z")) {
            return "Authorization or X-Amz-Date missing";
        }
        Matcher m = AUTHORIZATION.matcher(auth);
        if (!m.matches()) {
            return "Authorization is not AWS4-HMAC-SHA256";
        }
        if (!m.group(1).equals(accessKey) || !m.group(2).equals(date.substring(0, 8))
                || !m.group(3).equals(REGION) || !m.group(4).equals("secretsmanager")) {
            return "credential scope " + m.group(2) + "/" + m.group(3) + "/" + m.group(4) + " is wrong";
        }
        List<String> signed = Arrays.asList(m.group(5).split(";"));
        if (!signed.containsAll(List.of("host", "x-amz-date", "x-amz-target", "content-type"))) {
            return "signed headers " + signed + " miss some";
        }
        String token = h.getFirst("X-Amz-Security-Token");
        if (sessionToken == null ? token != null || signed.contains("x-amz-security-token")
                : !sessionToken.equals(token) || !signed.contains("x-amz-security-token")) {
            return "security token missing, wrong or unsigned";
        }
        return null;
    }

    /**
     * Null when the signature is the one SigV4 gives for this request: canonical request (method, path, empty query,
     * the signed headers as received, payload hash), string to sign, key derived from the secret key by date,
     * region and service.
     */
    private String signatureMismatch(String method, String path, Headers h, byte[] payload) {
        Matcher m = AUTHORIZATION.matcher(h.getFirst("Authorization"));
        if (!m.matches()) {
            return "unparsable";
        }
        StringBuilder canonical = new StringBuilder(method).append('\n').append(path).append("\n\n");
        for (String name : m.group(5).split(";")) {
            List<String> values = h.get(name);
            if (values == null) {
                return "signed header " + name + " was not sent";
            }
            canonical.append(name).append(':').append(String.join(",", values).strip().replaceAll(" +", " "))
                    .append('\n');
        }
        canonical.append('\n').append(m.group(5)).append('\n').append(hex(sha256(payload)));
        String scope = m.group(2) + "/" + m.group(3) + "/" + m.group(4) + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + h.getFirst("X-Amz-Date") + "\n" + scope + "\n"
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), m.group(2));
        key = hmac(hmac(hmac(key, m.group(3)), m.group(4)), "aws4_request");
        return hex(hmac(key, toSign)).equals(m.group(6)) ? null : "signature does not match";
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static void answer(HttpExchange ex, int status, Map<String, ?> body) throws IOException {
        HttpReplies.reply(ex, status, HttpReplies.AMZ_JSON, JSON.std.asBytes(body));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
