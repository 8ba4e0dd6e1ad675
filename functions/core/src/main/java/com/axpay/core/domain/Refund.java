package com.axpay.core.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One refund of a payment, keyed by the storefront's {@code refundId} (its idempotency key). Claimed as PENDING with
 * its amount reserved on the payment BEFORE Axerve is asked; SUCCEEDED or FAILED once Axerve's answer is stored.
 *
 * @param version  optimistic-lock counter of the refund record (a retry after an unknown outcome claims it)
 * @param attempts how many times callRefundS2S was sent for it (a second send only after Axerve's balance showed the
 *                 first did not happen)
 */
public record Refund(String paymentId, String refundId, BigDecimal amount, String currency, String reason,
                     RefundState state, String errorCode, long version, int attempts, Instant createdAt,
                     Instant updatedAt) {

    /** Where a refund is. */
    public enum RefundState { PENDING, SUCCEEDED, FAILED }

    public Refund {
        Required.components("paymentId", paymentId, "refundId", refundId, "currency", currency, "state", state,
                "createdAt", createdAt, "updatedAt", updatedAt);
        amount = Amounts.exact(amount);
    }

    public Refund with(RefundState next, String code, Instant now) {
        return new Refund(paymentId, refundId, amount, currency, reason, next, code, version, attempts, createdAt, now);
    }

    /** The record as claimed for another send: next version, one more attempt. */
    public Refund nextAttempt(Instant now) {
        return new Refund(paymentId, refundId, amount, currency, reason, state, errorCode, version + 1, attempts + 1,
                createdAt, now);
    }
}
