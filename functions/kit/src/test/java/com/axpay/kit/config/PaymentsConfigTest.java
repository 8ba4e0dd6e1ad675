package com.axpay.kit.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaymentsConfigTest {

    private static final SecretSource NO_SECRETS = id -> {
        throw new AssertionError("no secret expected, asked for " + id);
    };

    private static Map<String, String> valid() {
        Map<String, String> env = new HashMap<>();
        env.put("AXERVE_ENV", "sandbox");
        env.put("AXERVE_SHOP_LOGIN", "GESPAY00001");
        env.put("STOREFRONT_API_KEY", "sf-key");
        env.put("RETURN_URL_ALLOWLIST", "https://shop.example.test/done, https://shop.example.test/cart");
        env.put("DEFAULT_RETURN_URL", "https://shop.example.test/cart");
        env.put("PAYMENTS_TABLE", "axpay-payments");
        return env;
    }

    @Test
    void aMinimalEnvironmentGetsTheDefaults() {
        PaymentsConfig c = PaymentsConfig.fromEnvironment(valid(), NO_SECRETS);

        assertEquals("sandbox", c.axerveEnvironment().name());
        assertNull(c.apikey());
        assertEquals(Duration.ofSeconds(3), c.connectTimeout());
        assertEquals(Duration.ofSeconds(8), c.readTimeout());
        assertEquals(Duration.ofMinutes(15), c.reconcileAfter());
        assertEquals(10, c.reconcileMaxAttempts());
        assertTrue(c.returnUrls().allows("https://shop.example.test/done?x=1"));
        assertFalse(c.toString().contains("sf-key"));
    }

    @Test
    void secretsAreReadThroughTheSecretSourceOnFirstUseNotAtInitAndNeverShown() {
        Map<String, String> env = valid();
        env.remove("STOREFRONT_API_KEY");
        env.put("STOREFRONT_API_KEY_SECRET_ARN", "arn:sf");
        env.put("AXERVE_APIKEY_SECRET_ARN", "arn:axerve");
        Map<String, String> store = Map.of("arn:sf", "sf-from-secret", "arn:axerve", "ax-from-secret");
        java.util.List<String> asked = new java.util.ArrayList<>();

        PaymentsConfig c = PaymentsConfig.fromEnvironment(env, id -> {
            asked.add(id);
            return store.get(id);
        });
        assertTrue(asked.isEmpty(), "read at init: " + asked);

        assertEquals("sf-from-secret", c.storefrontApiKey().value());
        assertEquals("ax-from-secret", c.apikey().value());
        assertEquals(java.util.List.of("arn:sf", "arn:axerve"), asked);
        assertFalse(c.toString().contains("ax-from-secret"));
        assertFalse(c.apikey().toString().contains("ax-from-secret"));
    }

    @Test
    void aFunctionWithoutStorefrontRoutesNeedsNoStorefrontKeyButOneWithThemDoes() {
        Map<String, String> env = valid();
        env.remove("STOREFRONT_API_KEY");

        PaymentsConfig c = PaymentsConfig.fromEnvironment(env, NO_SECRETS);
        assertNull(c.storefrontApiKey());
        ConfigurationException e = assertThrows(ConfigurationException.class, c::requireStorefrontApiKey);
        assertTrue(e.getMessage().contains("STOREFRONT_API_KEY or STOREFRONT_API_KEY_SECRET_ARN"), e.getMessage());
    }

    @Test
    void aBaseUrlSelectsACustomAxerve() {
        Map<String, String> env = valid();
        env.put("AXERVE_ENV", "http://127.0.0.1:8085");

        assertEquals("custom", PaymentsConfig.fromEnvironment(env, NO_SECRETS).axerveEnvironment().name());
    }

    @Test
    void everyProblemIsNamedInOneMessage() {
        Map<String, String> env = new HashMap<>();
        env.put("AXERVE_ENV", "staging");
        env.put("AXERVE_READ_TIMEOUT_MS", "-5");
        env.put("RECONCILE_MAX_ATTEMPTS", "many");
        env.put("DYNAMODB_ENDPOINT", "http://127.0.0.1:8000");

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> PaymentsConfig.fromEnvironment(env, NO_SECRETS));

        for (String name : new String[] {"AXERVE_ENV", "AXERVE_SHOP_LOGIN",
                "RETURN_URL_ALLOWLIST", "DEFAULT_RETURN_URL", "PAYMENTS_TABLE", "AWS_REGION",
                "AXERVE_READ_TIMEOUT_MS", "RECONCILE_MAX_ATTEMPTS"}) {
            assertTrue(e.getMessage().contains(name), name + " missing from: " + e.getMessage());
        }
    }

    @Test
    void bothThePlainKeyAndItsSecretIsAnError() {
        Map<String, String> env = valid();
        env.put("STOREFRONT_API_KEY_SECRET_ARN", "arn:sf");

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> PaymentsConfig.fromEnvironment(env, NO_SECRETS));
        assertTrue(e.getMessage().contains("STOREFRONT_API_KEY_SECRET_ARN"), e.getMessage());
    }

    @Test
    void anUnreadableSecretDoesNotFailInitAndNamesItsVariableWhenUsed() {
        Map<String, String> env = valid();
        env.put("AXERVE_APIKEY_SECRET_ARN", "arn:missing");

        PaymentsConfig c = PaymentsConfig.fromEnvironment(env, id -> {
            throw new ConfigurationException("secrets extension answered HTTP 400 for " + id);
        });
        SecretUnavailableException e = assertThrows(SecretUnavailableException.class, () -> c.apikey().value());
        assertEquals("AXERVE_APIKEY_SECRET_ARN", e.variable());
        assertTrue(e.getMessage().contains("AXERVE_APIKEY_SECRET_ARN"), e.getMessage());
    }

    @Test
    void timeoutsBeyondTheApiBudgetAreRefused() {
        Map<String, String> env = valid();
        env.put("AXERVE_CONNECT_TIMEOUT_MS", "5000");
        env.put("AXERVE_READ_TIMEOUT_MS", "25000");

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> PaymentsConfig.fromEnvironment(env, NO_SECRETS));
        assertTrue(e.getMessage().contains("AXERVE_READ_TIMEOUT_MS"), e.getMessage());
    }

    @Test
    void theDefaultReturnUrlMustBeAllowed() {
        Map<String, String> env = valid();
        env.put("DEFAULT_RETURN_URL", "https://elsewhere.example.test/");

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> PaymentsConfig.fromEnvironment(env, NO_SECRETS));
        assertTrue(e.getMessage().contains("DEFAULT_RETURN_URL"), e.getMessage());
    }
}
