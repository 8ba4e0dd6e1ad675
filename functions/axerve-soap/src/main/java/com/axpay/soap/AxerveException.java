package com.axpay.soap;

/**
 * A failed Axerve call. The subclass says what the caller must do; {@link #outcomeUnknown()} says whether Axerve may
 * have processed the request anyway (then reconcile with callReadTrxS2S before retrying anything that moves money).
 * Messages carry the operation, code and Axerve's description, never the apikey or buyer data.
 */
public abstract class AxerveException extends RuntimeException {
    private final String operation;
    private final String errorCode;
    private final String errorDescription;
    private final transient AxerveResult result;

    protected AxerveException(String operation, String errorCode, String errorDescription, AxerveResult result,
            String message, Throwable cause) {
        super(operation + ": " + message, cause);
        this.operation = operation;
        this.errorCode = errorCode;
        this.errorDescription = errorDescription;
        this.result = result;
    }

    /** From an explicit KO payload. */
    protected AxerveException(String operation, AxerveResult result, String what) {
        this(operation, result.errorCode(), result.errorDescription(), result,
                what + " (ErrorCode " + result.errorCode() + ": " + result.errorDescription() + ")", null);
    }

    /** Axerve's operation name, e.g. {@code callPagamS2S}. */
    public String operation() {
        return operation;
    }

    /** Axerve's ErrorCode; null for transport failures. */
    public String errorCode() {
        return errorCode;
    }

    /** Axerve's (localized, usually Italian) ErrorDescription, or a short transport description. */
    public String errorDescription() {
        return errorDescription;
    }

    /** The parsed KO payload, or null when there was none (transport failures). */
    public AxerveResult result() {
        return result;
    }

    /**
     * True when Axerve may have processed the request: do not assume it failed. False here, as for every explicit
     * KO but the system error: Axerve saw the request and refused it.
     */
    public boolean outcomeUnknown() {
        return false;
    }
}
