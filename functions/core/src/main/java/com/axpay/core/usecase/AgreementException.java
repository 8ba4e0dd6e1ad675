package com.axpay.core.usecase;

/** Why an agreement operation was refused, as the HTTP layer maps it (404 / 409). */
public final class AgreementException extends RuntimeException {

    public enum Reason {
        /** No such agreement. */
        NOT_FOUND,
        /** The agreement cannot be charged now (suspended, cancelled, completed). */
        NOT_CHARGEABLE,
        /** The same chargeId was used for another amount or currency. */
        CHARGE_CONFLICT,
        /** A charge's outcome is still unknown; resolve it before this operation. */
        CHARGE_IN_PROGRESS
    }

    private final Reason reason;

    public AgreementException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
