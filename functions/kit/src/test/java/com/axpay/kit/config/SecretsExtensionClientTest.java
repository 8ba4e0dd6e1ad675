package com.axpay.kit.config;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a JDK HTTP server on 127.0.0.1 that answers like the Parameters and Secrets Lambda Extension. */
class SecretsExtensionClientTest {

    private static HttpServer extension;
    private static final AtomicReference<String> seenToken = new AtomicReference<>();
    private static final AtomicReference<String> seenQuery = new AtomicReference<>();

    @BeforeAll
    static void start() throws IOException {
        extension = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        extension.createContext("/secretsmanager/get", ex -> {
            try (ex) {
                seenToken.set(ex.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token"));
                seenQuery.set(ex.getRequestURI().getRawQuery());
                boolean known = "session-token".equals(seenToken.get()) && seenQuery.get().contains("axerve");
                byte[] body = (known ? "{\"ARN\":\"arn:aws:secretsmanager:eu-south-1:1:secret:axerve\","
                        + "\"SecretString\":\"the-apikey\\n\",\"VersionStages\":[\"AWSCURRENT\"]}"
                        : "not found").getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(known ? 200 : 400, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        extension.start();
    }

    @AfterAll
    static void stop() {
        extension.stop(0);
    }

    private static SecretsExtensionClient client(String token) {
        return SecretsExtensionClient.fromEnvironment(Map.of("AWS_SESSION_TOKEN", token,
                "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", Integer.toString(extension.getAddress().getPort())));
    }

    @Test
    void readsTheSecretStringWithTheSessionToken() {
        String arn = "arn:aws:secretsmanager:eu-south-1:1:secret:axerve";

        assertEquals("the-apikey", client("session-token").secret(arn));
        assertEquals("session-token", seenToken.get());
        assertEquals("secretId=" + arn.replace(":", "%3A"), seenQuery.get());
    }

    @Test
    void aRefusalNamesTheSecretNotItsValue() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> client("wrong-token").secret("axerve"));
        assertTrue(e.getMessage().contains("HTTP 400"), e.getMessage());
    }

    @Test
    void withoutASessionTokenItFailsClearly() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> SecretsExtensionClient.fromEnvironment(Map.of()).secret("axerve"));
        assertTrue(e.getMessage().contains("AWS_SESSION_TOKEN"), e.getMessage());
    }
}
