package com.axpay.core.port;

import java.math.BigDecimal;

/**
 * Axerve's operations on a payment that already has a result: refund, cancel, capture. Every method throws
 * {@link GatewayException} on failure; {@link GatewayException#outcomeUnknown()} tells whether Axerve may have acted.
 */
public interface PaymentOperationsGateway {

    /** callRefundS2S of {@code amount} (partial or full). */
    void refund(String shopTransactionId, String bankTransactionId, BigDecimal amount, String currency,
                String reason);

    /** callDeleteS2S: voids an authorization not yet settled. */
    void cancel(String shopTransactionId, String bankTransactionId, String reason);

    /** callSettleS2S of the full amount (deferred-capture merchants). */
    void capture(String shopTransactionId, String bankTransactionId, BigDecimal amount, String currency);

    /** Money Axerve has refunded on the transaction so far (its refund events, from callReadTrxS2S). */
    BigDecimal refundedTotal(String shopTransactionId);
}
