package com.axpay.core.port;

/**
 * A typed gateway failure in core terms. {@link #outcomeUnknown()} tells whether Axerve may have acted anyway
 * (timeout after sending, "already processed"): then the payment must be reconciled, never retried blindly
 * with a new key nor marked failed.
 */
public class GatewayException extends RuntimeException {

    /** Classes of failure; the adapter chooses one from the gateway's own codes. */
    public enum Kind {
        /** The payment itself was refused. */
        DECLINED,
        /** Our request was malformed or refused by the gateway's validation. */
        INVALID_REQUEST,
        /** Shop not allowed: its address or key refused, shop unknown or inactive. */
        AUTH,
        /** The gateway already processed this transaction. */
        ALREADY_PROCESSED,
        /** No such transaction. */
        NOT_FOUND,
        /** The gateway's own fault. */
        SYSTEM,
        /** No answer in time (connect or read timeout): Axerve may still be working on it. */
        TIMEOUT,
        /** Connection failure, HTTP 5xx or an unreadable body. */
        TRANSPORT
    }

    /** What a refused request says beyond its kind, when core acts on it. */
    public enum Refusal {
        /** A refund above what the gateway still holds for the transaction. */
        INSUFFICIENT_BALANCE
    }

    private final Kind kind;
    private final String errorCode;
    private final boolean outcomeUnknown;
    private final Refusal refusal;

    public GatewayException(Kind kind, String errorCode, boolean outcomeUnknown, String message, Throwable cause) {
        this(kind, errorCode, outcomeUnknown, null, message, cause);
    }

    /** @param refusal what the refusal says beyond its kind, or null */
    public GatewayException(Kind kind, String errorCode, boolean outcomeUnknown, Refusal refusal, String message,
                            Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errorCode = errorCode;
        this.outcomeUnknown = outcomeUnknown;
        this.refusal = refusal;
    }

    public GatewayException(Kind kind, String errorCode, boolean outcomeUnknown, String message) {
        this(kind, errorCode, outcomeUnknown, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The gateway's error code when it answered, else null: kept as given for records and answers. */
    public String errorCode() {
        return errorCode;
    }

    /** What the refusal says beyond its kind, or null. */
    public Refusal refusal() {
        return refusal;
    }

    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
