package com.axpay.kit.config;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.InputStream;

/** Reads a secret's value by ARN or name. */
@FunctionalInterface
public interface SecretSource {

    /** Bound on a GetSecretValue answer read into memory (Secrets Manager's own limit on a value is 64 KiB). */
    int MAX_ANSWER_BYTES = 128 * 1024;

    /** @throws ConfigurationException when the secret cannot be read */
    String secret(String secretId);

    /**
     * The {@code SecretString} of a GetSecretValue answer, as both Secrets Manager and the Parameters and Secrets
     * extension send it.
     *
     * @throws ConfigurationException when the answer has none
     */
    static String secretString(InputStream answer, String secretId) throws IOException {
        Object value = JSON.std.mapFrom(answer.readNBytes(MAX_ANSWER_BYTES)).get("SecretString");
        if (!(value instanceof String s) || s.isBlank()) {
            throw new ConfigurationException("secret " + secretId + " has no SecretString");
        }
        return s.strip();
    }
}
