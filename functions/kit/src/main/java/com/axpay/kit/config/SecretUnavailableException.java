package com.axpay.kit.config;

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

    /**
     * What went wrong, for the log: the cause's message is written by our secret clients (status, AWS error type,
     * the secret's id) or by the SDK's credential chain, never the value; an operator needs it to tell a missing
     * secret from a denied one.
     */
    public String reason() {
        String m = getCause() == null ? null : getCause().getMessage();
        return m == null ? null : (m.length() > 300 ? m.substring(0, 300) : m);
    }
}
