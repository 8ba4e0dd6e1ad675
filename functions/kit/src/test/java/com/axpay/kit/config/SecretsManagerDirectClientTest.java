package com.axpay.kit.config;

import com.sun.net.httpserver.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GetSecretValue signed by the SDK's SigV4 signer, against a local Secrets Manager stand-in that checks the header. */
class SecretsManagerDirectClientTest {

    private static final AwsCredentialsProvider SESSION = StaticCredentialsProvider.create(
            AwsSessionCredentials.create("ASIAEXAMPLESESSION", "session-secret-key", "the-session-token"));
    private static final AwsCredentialsProvider LONG_TERM = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAEXAMPLELONGTERM", "long-term-secret-key"));

    private FakeSecretsManager sm;

    @AfterEach
    void stop() {
        if (sm != null) {
            sm.close();
        }
    }

    private SecretsManagerDirectClient client(AwsCredentialsProvider credentials) {
        return new SecretsManagerDirectClient(URI.create(sm.endpoint()), FakeSecretsManager.REGION, () -> credentials);
    }

    @Test
    void readsTheSecretWithSessionCredentialsSignedForSecretsManagerOfTheRegion() throws IOException {
        sm = new FakeSecretsManager("ASIAEXAMPLESESSION", "session-secret-key", "the-session-token",
                Map.of(FakeSecretsManager.APIKEY_ARN, "the-apikey\n"));

        assertEquals("the-apikey", client(SESSION).secret(FakeSecretsManager.APIKEY_ARN));

        assertEquals(List.of(), sm.refusals);
        Headers h = sm.requests.getFirst();
        Matcher m = FakeSecretsManager.AUTHORIZATION.matcher(h.getFirst("Authorization"));
        assertTrue(m.matches(), h.getFirst("Authorization"));
        assertEquals("eu-south-1", m.group(3));
        assertEquals("secretsmanager", m.group(4));
        assertTrue(m.group(5).contains("x-amz-security-token"), m.group(5));
        assertEquals("the-session-token", h.getFirst("X-Amz-Security-Token"));
    }

    @Test
    void longTermKeysSendNoSecurityToken() throws IOException {
        sm = new FakeSecretsManager("AKIAEXAMPLELONGTERM", "long-term-secret-key", null,
                Map.of(FakeSecretsManager.APIKEY_ARN, "k"));

        assertEquals("k", client(LONG_TERM).secret(FakeSecretsManager.APIKEY_ARN));

        assertEquals(List.of(), sm.refusals);
        assertNull(sm.requests.getFirst().getFirst("X-Amz-Security-Token"));
    }

    @Test
    void aRequestSignedWithOtherCredentialsIsRefusedAndNamedInTheError() throws IOException {
        sm = new FakeSecretsManager("ASIAEXAMPLESESSION", "session-secret-key", "the-session-token",
                Map.of(FakeSecretsManager.APIKEY_ARN, "the-apikey"));

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> client(LONG_TERM).secret(FakeSecretsManager.APIKEY_ARN));

        assertTrue(e.getMessage().contains("HTTP 403 IncompleteSignatureException"), e.getMessage());
        assertEquals(1, sm.refusals.size()); // the stand-in does check the header
    }

    @Test
    void aSignatureMadeWithAnotherSecretKeyIsRefused() throws IOException {
        sm = new FakeSecretsManager("ASIAEXAMPLESESSION", "session-secret-key", "the-session-token",
                Map.of(FakeSecretsManager.APIKEY_ARN, "the-apikey"));
        AwsCredentialsProvider wrongKey = StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIAEXAMPLESESSION", "another-secret-key", "the-session-token"));

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> client(wrongKey).secret(FakeSecretsManager.APIKEY_ARN));

        assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
        assertEquals(List.of("signature does not match"), sm.refusals);
    }

    @Test
    void aMissingSecretAndAServerErrorAreConfigurationErrorsNamingTheStatus() throws IOException {
        sm = new FakeSecretsManager("ASIAEXAMPLESESSION", "session-secret-key", "the-session-token", Map.of());
        SecretsManagerDirectClient client = client(SESSION);

        ConfigurationException missing = assertThrows(ConfigurationException.class,
                () -> client.secret(FakeSecretsManager.MISSING));
        assertTrue(missing.getMessage().contains("HTTP 400 ResourceNotFoundException"), missing.getMessage());

        ConfigurationException broken = assertThrows(ConfigurationException.class,
                () -> client.secret(FakeSecretsManager.BROKEN));
        assertTrue(broken.getMessage().contains("HTTP 500"), broken.getMessage());
    }

    @Test
    void anUnreachableEndpointIsAConfigurationError() throws IOException {
        sm = new FakeSecretsManager("ASIAEXAMPLESESSION", "session-secret-key", "the-session-token", Map.of());
        URI closed = URI.create(sm.endpoint());
        sm.close();
        sm = null;

        SecretsManagerDirectClient client = new SecretsManagerDirectClient(closed, "eu-south-1", () -> SESSION);

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> client.secret(FakeSecretsManager.APIKEY_ARN));
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }

    @Test
    void credentialsAreBuiltOnceOnFirstReadNeverAtConstruction() throws IOException {
        sm = new FakeSecretsManager("ASIAEXAMPLESESSION", "session-secret-key", "the-session-token",
                Map.of(FakeSecretsManager.APIKEY_ARN, "the-apikey"));
        AtomicInteger built = new AtomicInteger();
        SecretsManagerDirectClient client = new SecretsManagerDirectClient(URI.create(sm.endpoint()),
                FakeSecretsManager.REGION, () -> {
                    built.incrementAndGet();
                    return SESSION;
                });
        assertEquals(0, built.get());

        client.secret(FakeSecretsManager.APIKEY_ARN);
        client.secret(FakeSecretsManager.APIKEY_ARN);

        assertEquals(1, built.get());
        assertEquals(2, sm.requests.size());
    }

    @Test
    void aSecretOverTheDirectPathIsCachedAndAnUnreadableOneIsUnavailableWithoutItsValue() throws IOException {
        sm = new FakeSecretsManager("ASIAEXAMPLESESSION", "session-secret-key", "the-session-token",
                Map.of(FakeSecretsManager.APIKEY_ARN, "the-apikey"));
        long[] now = {0};
        Secret apikey = Secret.fromSource("AXERVE_APIKEY_SECRET_ARN", FakeSecretsManager.APIKEY_ARN, client(SESSION),
                Duration.ofMinutes(5), () -> now[0]);
        Secret gone = Secret.fromSource("STOREFRONT_API_KEY_SECRET_ARN", FakeSecretsManager.MISSING, client(SESSION),
                Duration.ofMinutes(5), () -> now[0]);

        assertEquals("the-apikey", apikey.value());
        assertEquals("the-apikey", apikey.value());
        assertEquals(1, sm.requests.size());
        now[0] += Duration.ofMinutes(6).toNanos();
        assertEquals("the-apikey", apikey.value());
        assertEquals(2, sm.requests.size());

        SecretUnavailableException e = assertThrows(SecretUnavailableException.class, gone::value);
        assertTrue(e.getMessage().contains("STOREFRONT_API_KEY_SECRET_ARN"), e.getMessage());
        assertFalse(e.getMessage().contains("the-apikey"));
    }

    @Test
    void theEndpointIsTheRegionalOneUnlessOverridden() {
        assertEquals(URI.create("https://secretsmanager.eu-south-1.amazonaws.com"),
                SecretsManagerDirectClient.fromEnvironment(Map.of("AWS_REGION", "eu-south-1")).endpoint());
        assertEquals(URI.create("http://127.0.0.1:4566"), SecretsManagerDirectClient.fromEnvironment(
                Map.of("AWS_REGION", "eu-south-1", "AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:4566"))
                .endpoint());
        assertThrows(ConfigurationException.class, () -> SecretsManagerDirectClient.fromEnvironment(Map.of()));
        assertThrows(ConfigurationException.class, () -> SecretsManagerDirectClient.fromEnvironment(
                Map.of("AWS_REGION", "eu-south-1", "AWS_ENDPOINT_URL_SECRETS_MANAGER", "ftp://x")));
    }
}
