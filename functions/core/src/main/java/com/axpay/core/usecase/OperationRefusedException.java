package com.axpay.core.usecase;

/** A merchant operation (refund, cancel, capture) that cannot be done, with a stable reason for the HTTP answer. */
public class OperationRefusedException extends RuntimeException {

    /** Why; the handler maps each to its status. */
    public enum Reason {
        /** No such payment (404). */
        PAYMENT_NOT_FOUND,
        /** The request's fields are wrong (400). */
        INVALID_REQUEST,
        /** The refund is more than what is left to refund (422). */
        EXCEEDS_BALANCE,
        /** The same refundId was used with another amount (409). */
        REFUND_ID_CONFLICT,
        /** The payment's state does not allow it: not captured, failed, cancelled... (409). */
        INVALID_STATE,
        /** Capture asked again: Amazon Pay through Axerve supports one capture (409). */
        ALREADY_CAPTURED,
        /** Axerve refused the operation for this transaction (e.g. 2017 delete of a settled one) (409). */
        GATEWAY_REFUSED,
        /** Another capture or cancel of the payment is in flight, or its lost answer is not reconciled yet (409). */
        OPERATION_IN_PROGRESS
    }

    private final Reason reason;
    private final String errorCode;

    public OperationRefusedException(Reason reason, String message) {
        this(reason, null, message);
    }

    public OperationRefusedException(Reason reason, String errorCode, String message) {
        super(message);
        this.reason = reason;
        this.errorCode = errorCode;
    }

    public Reason reason() {
        return reason;
    }

    /** Axerve's ErrorCode when Axerve refused, else null. */
    public String errorCode() {
        return errorCode;
    }
}
