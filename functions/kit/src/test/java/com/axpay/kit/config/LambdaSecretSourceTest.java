package com.axpay.kit.config;

import com.axpay.kit.testing.HttpReplies;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which path a function's secrets take: the extension when Lambda sets AWS_SESSION_TOKEN, else GetSecretValue
 * directly, with the credentials the SDK's default chain finds; under SnapStart those are container credentials.
 */
class LambdaSecretSourceTest {

    private static final String CONTAINER_AUTH_TOKEN = "container-authorization-token";

    @Test
    void withASessionTokenSecretsGoThroughTheExtension() throws IOException {
        List<String> extensionTokens = new CopyOnWriteArrayList<>();
        HttpServer extension = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        extension.createContext("/secretsmanager/get", ex -> {
            try (ex) {
                extensionTokens.add(ex.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token"));
                HttpReplies.reply(ex, 200, "{\"SecretString\":\"from-the-extension\"}");
            }
        });
        extension.start();
        try (FakeSecretsManager sm = new FakeSecretsManager("ASIAX", "k", "t",
                Map.of(FakeSecretsManager.APIKEY_ARN, "x"))) {
            LambdaSecretSource source = LambdaSecretSource.fromEnvironment(Map.of(
                    "AWS_SESSION_TOKEN", "the-session-token", "AWS_REGION", FakeSecretsManager.REGION,
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER", sm.endpoint(),
                    "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", Integer.toString(extension.getAddress().getPort())));

            assertTrue(source.usesExtension());
            assertEquals("from-the-extension", source.secret(FakeSecretsManager.APIKEY_ARN));
            assertEquals(List.of("the-session-token"), extensionTokens);
            assertEquals(0, sm.requests.size());
        } finally {
            extension.stop(0);
        }
    }

    /** Deployed without the extension's layer, a function given a session token reads directly all the same. */
    @Test
    void withoutTheLayerASessionTokenDoesNotSendReadsToTheExtension() {
        Map<String, String> onDemand = Map.of("AWS_SESSION_TOKEN", "the-session-token", "AWS_REGION", "eu-south-1");
        assertTrue(LambdaSecretSource.fromEnvironment(onDemand).usesExtension());
        Map<String, String> withLayer = new java.util.HashMap<>(onDemand);
        withLayer.put(LambdaSecretSource.ENV_EXTENSION, "layer");
        assertTrue(LambdaSecretSource.fromEnvironment(withLayer).usesExtension());
        Map<String, String> noLayer = new java.util.HashMap<>(onDemand);
        noLayer.put(LambdaSecretSource.ENV_EXTENSION, "none");
        assertFalse(LambdaSecretSource.fromEnvironment(noLayer).usesExtension());
    }

    /**
     * A child JVM given exactly a SnapStart function's credential variables reads through Secrets Manager, signing
     * with the container credentials (fetched once, with the authorization token) including their session token.
     */
    @Test
    void underSnapStartContainerCredentialsSignGetSecretValue(@TempDir Path dir) throws Exception {
        List<String> credentialAuthorizations = new CopyOnWriteArrayList<>();
        HttpServer container = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        container.createContext("/2018-06-01/credentials", ex -> {
            try (ex) {
                String auth = ex.getRequestHeaders().getFirst("Authorization");
                credentialAuthorizations.add(String.valueOf(auth));
                if (!CONTAINER_AUTH_TOKEN.equals(auth)) {
                    HttpReplies.reply(ex, 401, "{\"message\":\"unauthorized\"}");
                    return;
                }
                HttpReplies.reply(ex, 200, "{\"AccessKeyId\":\"ASIACONTAINERKEY\",\"SecretAccessKey\":\"container-secret-key\","
                        + "\"Token\":\"container-session-token\",\"AccountId\":\"111122223333\",\"Expiration\":\""
                        + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "\"}");
            }
        });
        container.start();
        try (FakeSecretsManager sm = new FakeSecretsManager("ASIACONTAINERKEY", "container-secret-key",
                "container-session-token",
                Map.of(FakeSecretsManager.APIKEY_ARN, "the-apikey\n"))) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), DirectSecretProbe.class.getName(),
                    FakeSecretsManager.APIKEY_ARN, FakeSecretsManager.MISSING, FakeSecretsManager.BROKEN);
            Map<String, String> env = pb.environment();
            env.clear(); // no AWS_SESSION_TOKEN, no access keys, no profile: only what SnapStart gives
            env.put("AWS_REGION", FakeSecretsManager.REGION);
            env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", sm.endpoint());
            env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI",
                    "http://127.0.0.1:" + container.getAddress().getPort() + "/2018-06-01/credentials");
            env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", CONTAINER_AUTH_TOKEN);
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
            env.put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
            Path out = dir.resolve("out.txt");
            Path err = dir.resolve("err.txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the probe did not finish in 60 s");
            }
            String stderr = Files.readString(err);
            assertEquals(0, p.exitValue(), stderr);
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);

            assertEquals(4, lines.size(), lines + "\n" + stderr);
            assertEquals("path direct", lines.get(0));
            assertEquals("ok the-apikey", lines.get(1));
            assertTrue(lines.get(2).startsWith("error Secrets Manager answered HTTP 400 ResourceNotFoundException"),
                    lines.get(2));
            assertTrue(lines.get(3).startsWith("error Secrets Manager answered HTTP 500"), lines.get(3));
            assertEquals(List.of(), sm.refusals);
            assertEquals(3, sm.requests.size());
            assertEquals("container-session-token", sm.requests.getFirst().getFirst("X-Amz-Security-Token"));
            assertEquals(List.of(CONTAINER_AUTH_TOKEN), credentialAuthorizations);
        } finally {
            container.stop(0);
        }
    }
}
