package com.axpay.payments.config;

/**
 * A secret a request needs could not be read (the extension or Secrets Manager refused or failed, the secret is
 * missing or empty). Retryable: the handlers answer 503 {@code secret_unavailable}. The message names the variable
 * and the cause's message (which names the secret's id, never its value).
 */
public final class SecretUnavailableException extends RuntimeException {

    private final String variable;

    public SecretUnavailableException(String variable, Throwable cause) {
        super(variable + " could not be read: " + cause.getMessage(), cause);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
