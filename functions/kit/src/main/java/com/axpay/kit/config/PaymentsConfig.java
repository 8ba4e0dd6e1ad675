package com.axpay.kit.config;

import com.axpay.core.validation.ReturnUrlAllowList;
import com.axpay.soap.AxerveEnvironment;
import com.axpay.store.dynamodb.StoreConfig;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Every setting of the payment functions, read from the environment and validated at init: a bad value fails the
 * cold start with a message naming the variable. The two secrets are only located at init (a plain value locally,
 * a Secrets Manager ARN in AWS); their values are read on first use by {@link Secret}, during an invocation. Each
 * function is given only the secrets it uses: the handlers that need one ask for it ({@link #requireStorefrontApiKey},
 * {@link #apikey}). {@link #toString()} never shows a secret.
 */
public final class PaymentsConfig {

    public static final String AXERVE_ENV = "AXERVE_ENV";
    public static final String AXERVE_SHOP_LOGIN = "AXERVE_SHOP_LOGIN";
    public static final String AXERVE_APIKEY = "AXERVE_APIKEY";
    public static final String AXERVE_APIKEY_SECRET_ARN = "AXERVE_APIKEY_SECRET_ARN";
    public static final String STOREFRONT_API_KEY = "STOREFRONT_API_KEY";
    public static final String STOREFRONT_API_KEY_SECRET_ARN = "STOREFRONT_API_KEY_SECRET_ARN";
    public static final String RETURN_URL_ALLOWLIST = "RETURN_URL_ALLOWLIST";
    public static final String DEFAULT_RETURN_URL = "DEFAULT_RETURN_URL";
    public static final String AXERVE_CONNECT_TIMEOUT_MS = "AXERVE_CONNECT_TIMEOUT_MS";
    public static final String AXERVE_READ_TIMEOUT_MS = "AXERVE_READ_TIMEOUT_MS";
    public static final String RECONCILE_AFTER_SECONDS = "RECONCILE_AFTER_SECONDS";
    public static final String RECONCILE_MAX_ATTEMPTS = "RECONCILE_MAX_ATTEMPTS";

    /** Every variable this class and the store read: the template must set each (a test checks it). */
    public static final List<String> VARIABLES = List.of(AXERVE_ENV, AXERVE_SHOP_LOGIN, AXERVE_APIKEY,
            AXERVE_APIKEY_SECRET_ARN, STOREFRONT_API_KEY, STOREFRONT_API_KEY_SECRET_ARN, RETURN_URL_ALLOWLIST,
            DEFAULT_RETURN_URL, StoreConfig.ENV_TABLE, StoreConfig.ENV_ENDPOINT, StoreConfig.ENV_REGION,
            AXERVE_CONNECT_TIMEOUT_MS, AXERVE_READ_TIMEOUT_MS, RECONCILE_AFTER_SECONDS, RECONCILE_MAX_ATTEMPTS);

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(8);
    static final Duration DEFAULT_RECONCILE_AFTER = Duration.ofMinutes(15);
    static final int DEFAULT_RECONCILE_MAX_ATTEMPTS = 10;
    /** Axerve calls must finish well inside API Gateway's 30 s (connect + read, with room for DynamoDB). */
    static final Duration MAX_AXERVE_BUDGET = Duration.ofSeconds(20);

    private final AxerveEnvironment axerveEnvironment;
    private final String shopLogin;
    private final Secret apikey;
    private final Secret storefrontApiKey;
    private final ReturnUrlAllowList returnUrls;
    private final String defaultReturnUrl;
    private final StoreConfig store;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration reconcileAfter;
    private final int reconcileMaxAttempts;

    private PaymentsConfig(Reader r) {
        axerveEnvironment = r.parse(AXERVE_ENV, true, PaymentsConfig::environment);
        shopLogin = r.parse(AXERVE_SHOP_LOGIN, true, PaymentsConfig::shopLogin);
        apikey = r.secret(AXERVE_APIKEY, AXERVE_APIKEY_SECRET_ARN);
        storefrontApiKey = r.secret(STOREFRONT_API_KEY, STOREFRONT_API_KEY_SECRET_ARN);
        returnUrls = r.parse(RETURN_URL_ALLOWLIST, true,
                v -> ReturnUrlAllowList.of(Arrays.stream(v.split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList()));
        defaultReturnUrl = r.parse(DEFAULT_RETURN_URL, true, PaymentsConfig::absoluteUrl);
        store = r.store();
        connectTimeout = r.millis(AXERVE_CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT);
        readTimeout = r.millis(AXERVE_READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT);
        if (connectTimeout != null && readTimeout != null
                && connectTimeout.plus(readTimeout).compareTo(MAX_AXERVE_BUDGET) > 0) {
            r.problems.add(AXERVE_CONNECT_TIMEOUT_MS + " + " + AXERVE_READ_TIMEOUT_MS + " must not exceed "
                    + MAX_AXERVE_BUDGET.toMillis() + " ms (API Gateway answers 503 after 30 s)");
        }
        Integer after = r.positiveInt(RECONCILE_AFTER_SECONDS, (int) DEFAULT_RECONCILE_AFTER.toSeconds());
        reconcileAfter = after == null ? null : Duration.ofSeconds(after);
        Integer attempts = r.positiveInt(RECONCILE_MAX_ATTEMPTS, DEFAULT_RECONCILE_MAX_ATTEMPTS);
        reconcileMaxAttempts = attempts == null ? 0 : attempts;
        if (defaultReturnUrl != null && returnUrls != null && !returnUrls.allows(defaultReturnUrl)) {
            r.problems.add(DEFAULT_RETURN_URL + " must be on " + RETURN_URL_ALLOWLIST);
        }
        if (!r.problems.isEmpty()) {
            throw new ConfigurationException("invalid configuration: " + String.join("; ", r.problems));
        }
    }

    /**
     * Reads and validates the environment, collecting every problem into one message. Reads no secret.
     *
     * @param secrets consulted, on first use of a secret, for the {@code *_SECRET_ARN} variables
     */
    public static PaymentsConfig fromEnvironment(Map<String, String> env, SecretSource secrets) {
        return fromEnvironment(env, secrets, Secret.DEFAULT_TTL, System::nanoTime);
    }

    /** As {@link #fromEnvironment(Map, SecretSource)}, with the secrets' time-to-live and time source (tests). */
    public static PaymentsConfig fromEnvironment(Map<String, String> env, SecretSource secrets, Duration secretTtl,
                                                 LongSupplier nanoTime) {
        return new PaymentsConfig(new Reader(env, secrets, secretTtl, nanoTime));
    }

    public AxerveEnvironment axerveEnvironment() {
        return axerveEnvironment;
    }

    public String shopLogin() {
        return shopLogin;
    }

    /** The Axerve apikey; null when Axerve authenticates the shop by IP only (or the function never calls Axerve). */
    public Secret apikey() {
        return apikey;
    }

    /** The storefront key; null when this function is not given one. */
    public Secret storefrontApiKey() {
        return storefrontApiKey;
    }

    /**
     * The storefront key, for a function that serves storefront routes: its absence fails the cold start.
     *
     * @throws ConfigurationException naming both variables when neither is set
     */
    public Secret requireStorefrontApiKey() {
        if (storefrontApiKey == null) {
            throw new ConfigurationException("invalid configuration: " + STOREFRONT_API_KEY + " or "
                    + STOREFRONT_API_KEY_SECRET_ARN + " is required");
        }
        return storefrontApiKey;
    }

    /** The secrets a handler calling Axerve reads before its work (so a refusal comes before any side effect). */
    public List<Secret> axerveSecrets() {
        return apikey == null ? List.of() : List.of(apikey);
    }

    /** Every secret this function was given (SnapStart drops their cached values around a snapshot). */
    public List<Secret> secrets() {
        List<Secret> all = new ArrayList<>(2);
        if (apikey != null) {
            all.add(apikey);
        }
        if (storefrontApiKey != null) {
            all.add(storefrontApiKey);
        }
        return List.copyOf(all);
    }

    public ReturnUrlAllowList returnUrls() {
        return returnUrls;
    }

    public String defaultReturnUrl() {
        return defaultReturnUrl;
    }

    public StoreConfig store() {
        return store;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Duration reconcileAfter() {
        return reconcileAfter;
    }

    public int reconcileMaxAttempts() {
        return reconcileMaxAttempts;
    }

    @Override
    public String toString() {
        return "PaymentsConfig[axerve=" + axerveEnvironment + ", shopLogin=" + shopLogin + ", apikey="
                + (apikey == null ? "none" : "configured") + ", table=" + store.paymentsTable() + "]";
    }

    private static AxerveEnvironment environment(String v) {
        switch (v) {
            case "sandbox":
                return AxerveEnvironment.sandbox();
            case "production":
                return AxerveEnvironment.production();
            default:
                try {
                    return AxerveEnvironment.custom(URI.create(v));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("must be sandbox, production or an http(s) base URL");
                }
        }
    }

    private static String shopLogin(String v) {
        if (!v.matches("[A-Za-z0-9_]{1,30}")) {
            throw new IllegalArgumentException("must be the Axerve shop login (letters and digits)");
        }
        return v;
    }

    private static String absoluteUrl(String v) {
        URI uri;
        try {
            uri = URI.create(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException("must be an absolute URL");
        }
        return v;
    }

    /** Reads variables, collecting problems instead of stopping at the first. */
    private static final class Reader {
        final Map<String, String> env;
        final SecretSource secrets;
        final Duration secretTtl;
        final LongSupplier nanoTime;
        final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> env, SecretSource secrets, Duration secretTtl, LongSupplier nanoTime) {
            this.env = env;
            this.secrets = secrets;
            this.secretTtl = secretTtl;
            this.nanoTime = nanoTime;
        }

        String get(String name) {
            String v = env.get(name);
            return v == null || v.isBlank() ? null : v.strip();
        }

        <T> T parse(String name, boolean required, Function<String, T> parser) {
            String v = get(name);
            if (v == null) {
                if (required) {
                    problems.add(name + " is required");
                }
                return null;
            }
            try {
                return parser.apply(v);
            } catch (RuntimeException e) {
                problems.add(name + " " + e.getMessage());
                return null;
            }
        }

        /** The plain variable (local runs) or the secret it names (AWS, read later); never both; null if neither. */
        Secret secret(String plain, String arn) {
            String value = get(plain);
            String secretId = get(arn);
            if (value != null && secretId != null) {
                problems.add("set either " + plain + " or " + arn + ", not both");
                return null;
            }
            if (secretId != null) {
                return Secret.fromSource(arn, secretId, secrets, secretTtl, nanoTime);
            }
            return value == null ? null : Secret.plain(plain, value);
        }

        StoreConfig store() {
            try {
                return StoreConfig.fromEnvironment(env);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage()); // names PAYMENTS_TABLE, DYNAMODB_ENDPOINT or AWS_REGION
                return null;
            }
        }

        Duration millis(String name, Duration fallback) {
            Integer v = positiveInt(name, (int) fallback.toMillis());
            return v == null ? null : Duration.ofMillis(v);
        }

        Integer positiveInt(String name, int fallback) {
            String v = get(name);
            if (v == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            problems.add(name + " must be a positive whole number, got '" + v + "'");
            return null;
        }
    }
}
