package com.axpay.core.port;

import com.axpay.core.domain.DomainEvent;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.domain.Refund;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Refund records and the payment's refund balance, written together: each method is ONE conditional transaction
 * over the refund record and the payment (and the outbox), so the money reserved, refunded and published never
 * disagree. A failed condition is a result; nothing is half-written.
 */
public interface RefundRepository {

    Optional<Refund> find(String paymentId, String refundId);

    /**
     * Stores the new PENDING refund (only if no refund has its id) and {@code payment} with the amount reserved
     * (only if the stored payment still has {@code expectedVersion}).
     */
    Outcome reserve(Refund refund, Payment payment, long expectedVersion);

    /**
     * Stores {@code refund} in its final or retried state (only if the stored refund still has {@code
     * refund.version()}) and {@code payment} (only if it still has {@code expectedVersion} and {@code expectedState}),
     * plus {@code event} in the outbox when not null. Versions are bumped by the store.
     */
    Outcome settle(Refund refund, Payment payment, long expectedVersion, PaymentState expectedState,
                   DomainEvent event);

    /**
     * Claims a PENDING refund for another callRefundS2S: stores {@code claimed} (from {@link Refund#nextAttempt})
     * only if the stored refund still has {@code claimed.version() - 1}. False when another caller claimed it first.
     */
    boolean claimAttempt(Refund claimed);

    /** PENDING refunds last written before {@code updatedBefore}, oldest first, at most {@code limit}. */
    List<Refund> findPending(Instant updatedBefore, int limit);

    /** Result of a refund write. */
    enum Outcome {
        WRITTEN,
        /** A refund with this id exists already (reserve). */
        REFUND_EXISTS,
        /** The refund or the payment changed first: re-read and decide again. */
        CHANGED
    }
}
