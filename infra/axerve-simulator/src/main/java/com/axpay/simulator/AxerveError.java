package com.axpay.simulator;

/** A business KO answered inside a normal SOAP response (not a SOAP fault). */
final class AxerveError extends Exception {
    private final int code;

    AxerveError(int code) {
        super(ErrorCatalog.describe(code), null, false, false);
        this.code = code;
    }

    int code() { return code; }
}
