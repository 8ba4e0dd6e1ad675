package com.axpay.core.port;

/**
 * A typed gateway failure in core terms. {@link #outcomeUnknown()} tells whether Axerve may have acted anyway
 * (timeout after sending, "already processed"): then the payment must be reconciled, never retried blindly
 * with a new key nor marked failed.
 */
public class GatewayException extends RuntimeException {

    /** Classes of failure, after Axerve's error codes. */
    public enum Kind {
        /** The payment itself was refused (e.g. 74). */
        DECLINED,
        /** Our request was malformed or refused by validation (1100-1129, 1403...). */
        INVALID_REQUEST,
        /** Shop not allowed: IP (1142) or apikey (1169), shop unknown or inactive. */
        AUTH,
        /** Axerve already processed this transaction (1137, 4707). */
        ALREADY_PROCESSED,
        /** No such transaction (2011). */
        NOT_FOUND,
        /** Axerve's own fault (9999). */
        SYSTEM,
        /** No answer in time (connect or read timeout): Axerve may still be working on it. */
        TIMEOUT,
        /** Connection failure, HTTP 5xx or an unreadable body. */
        TRANSPORT
    }

    private final Kind kind;
    private final String errorCode;
    private final boolean outcomeUnknown;

    public GatewayException(Kind kind, String errorCode, boolean outcomeUnknown, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errorCode = errorCode;
        this.outcomeUnknown = outcomeUnknown;
    }

    public GatewayException(Kind kind, String errorCode, boolean outcomeUnknown, String message) {
        this(kind, errorCode, outcomeUnknown, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** Axerve's ErrorCode when it answered, else null. */
    public String errorCode() {
        return errorCode;
    }

    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
