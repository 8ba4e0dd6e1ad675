package com.axpay.payments.config;

/** Reads a secret's value by ARN or name. */
@FunctionalInterface
public interface SecretSource {

    /** @throws ConfigurationException when the secret cannot be read */
    String secret(String secretId);
}
