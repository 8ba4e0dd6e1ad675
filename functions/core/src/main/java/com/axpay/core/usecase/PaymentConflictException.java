package com.axpay.core.usecase;

/** The order already has a live payment with a different amount or currency (HTTP 409). */
public class PaymentConflictException extends RuntimeException {

    private final String paymentId;

    public PaymentConflictException(String paymentId, String message) {
        super(message);
        this.paymentId = paymentId;
    }

    public String paymentId() {
        return paymentId;
    }
}
