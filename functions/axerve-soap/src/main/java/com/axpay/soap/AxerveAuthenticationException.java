package com.axpay.soap;

/** Axerve did not accept the caller: configuration problem, not retryable. {@link #reason()} says which check failed. */
public class AxerveAuthenticationException extends AxerveException {
    /** Which of Axerve's two caller checks failed. */
    public enum Reason {
        /** 1142: the calling IP is not whitelisted in the Back Office (IPv4 only). */
        IP_NOT_ALLOWED,
        /** 1169 (SOAP) / 1166 (REST): the apikey is missing or wrong. */
        INVALID_APIKEY
    }

    private final Reason reason;

    public AxerveAuthenticationException(String operation, AxerveResult result, Reason reason) {
        super(operation, result, reason == Reason.IP_NOT_ALLOWED ? "call refused: IP address not allowed"
                : "call refused: invalid apikey");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
