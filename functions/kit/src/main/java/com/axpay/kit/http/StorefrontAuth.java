package com.axpay.kit.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.axpay.kit.config.Secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The storefront credential: {@code Authorization: Bearer <key>}. Compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so the time taken says nothing about the key's content or length. The expected key
 * is the secret's current value (read on the first request, refreshed after rotation).
 */
public final class StorefrontAuth {

    private static final String BEARER = "bearer ";
    private final Secret key;

    public StorefrontAuth(Secret key) {
        this.key = java.util.Objects.requireNonNull(key);
    }

    /** The check for a function given this key, or null for one given none (its storefront routes refuse to start). */
    public static StorefrontAuth ofNullable(Secret key) {
        return key == null ? null : new StorefrontAuth(key);
    }

    /** A fixed key (tests and tools). */
    public StorefrontAuth(String storefrontKey) {
        this(Secret.plain("STOREFRONT_API_KEY", storefrontKey));
    }

    /** @throws com.axpay.kit.config.SecretUnavailableException when the key cannot be read (a 503) */
    public boolean allows(APIGatewayV2HTTPEvent event) {
        byte[] expected = sha256(key.value());
        String header = Requests.header(event, "Authorization");
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(header.substring(BEARER.length()).strip()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
