package com.axpay.store.dynamodb;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the payments live. With an endpoint override (DynamoDB Local, LocalStack) region and credentials are set
 * explicitly; without one the SDK's default chains apply (the Lambda environment).
 *
 * @param region null to use the default region chain (allowed only without an endpoint override)
 */
public record StoreConfig(String paymentsTable, URI endpointOverride, String region) {

    /** Environment variable names read by {@link #fromEnvironment}. */
    public static final String ENV_TABLE = "PAYMENTS_TABLE";
    public static final String ENV_ENDPOINT = "DYNAMODB_ENDPOINT";
    public static final String ENV_REGION = "AWS_REGION";

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    public StoreConfig {
        List<String> problems = new ArrayList<>();
        if (paymentsTable == null || !TABLE_NAME.matcher(paymentsTable).matches()) {
            problems.add(ENV_TABLE + " must be a DynamoDB table name (3-255 of A-Z a-z 0-9 _ . -), got "
                    + (paymentsTable == null ? "nothing" : "'" + paymentsTable + "'"));
        }
        if (endpointOverride != null) {
            String scheme = endpointOverride.getScheme();
            if (!("http".equals(scheme) || "https".equals(scheme)) || endpointOverride.getHost() == null) {
                problems.add(ENV_ENDPOINT + " must be an http(s) URL, got '" + endpointOverride + "'");
            }
            if (region == null || region.isBlank()) {
                problems.add(ENV_REGION + " is required when " + ENV_ENDPOINT + " is set");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid store configuration: " + String.join("; ", problems));
        }
    }

    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpointOverride);
    }

    /** Reads {@value #ENV_TABLE}, optional {@value #ENV_ENDPOINT} and {@value #ENV_REGION}; fails naming the culprit. */
    public static StoreConfig fromEnvironment(Map<String, String> env) {
        String endpoint = blankToNull(env.get(ENV_ENDPOINT));
        URI uri = null;
        if (endpoint != null) {
            try {
                uri = URI.create(endpoint);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid store configuration: " + ENV_ENDPOINT
                        + " is not a URL: '" + endpoint + "'", e);
            }
        }
        return new StoreConfig(blankToNull(env.get(ENV_TABLE)), uri, blankToNull(env.get(ENV_REGION)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
