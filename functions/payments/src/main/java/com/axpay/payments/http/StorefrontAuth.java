package com.axpay.payments.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The storefront credential: {@code Authorization: Bearer <key>}. Compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so the time taken says nothing about the key's content or length.
 */
public final class StorefrontAuth {

    private static final String BEARER = "bearer ";
    private final byte[] expected;

    public StorefrontAuth(String storefrontKey) {
        if (storefrontKey == null || storefrontKey.isBlank()) {
            throw new IllegalArgumentException("storefront key is empty");
        }
        this.expected = sha256(storefrontKey);
    }

    public boolean allows(APIGatewayV2HTTPEvent event) {
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
