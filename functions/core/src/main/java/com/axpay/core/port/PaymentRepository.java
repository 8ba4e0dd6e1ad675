package com.axpay.core.port;

import com.axpay.core.domain.Address;
import com.axpay.core.domain.Buyer;
import com.axpay.core.domain.OrderClaim;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Durable payments. Every write is conditional; a failed condition is a result, never a half-written record. */
public interface PaymentRepository {

    /**
     * Atomically claims the order for this payment's attempt and stores the payment and its shopTransactionId.
     * Attempt 1 requires that the order was never claimed; attempt n requires the order to hold attempt n-1.
     */
    ClaimResult claim(Payment payment);

    Optional<Payment> findById(String paymentId);

    /** Strongly consistent: the S2S notification may arrive right after the claim. */
    Optional<Payment> findByShopTransactionId(String shopTransactionId);

    Optional<OrderClaim> findOrder(String orderId);

    /**
     * Stores {@code next} (with version {@code expectedVersion + 1}) only if the stored payment still has
     * {@code expectedVersion} and one of {@code expectedStates}. The caller re-reads when the write is lost.
     */
    WriteResult update(Payment next, long expectedVersion, Set<PaymentState> expectedStates);

    /**
     * Stores buyer and addresses read from Axerve once (only while none were stored), bumping the version.
     * Returns the updated payment, or empty when they were already stored or the payment does not exist.
     */
    Optional<Payment> enrich(String paymentId, Buyer buyer, Address shipping, Address billing, Instant readAt);

    /**
     * Open payments in {@code state} whose last update is before {@code updatedBefore}, oldest first, at most
     * {@code limit}. Payments the reconciler gave up on are not returned.
     */
    List<Payment> findStale(PaymentState state, Instant updatedBefore, int limit);

    /**
     * Payments with a capture or cancel whose outcome is open (in flight or unknown), last updated before
     * {@code updatedBefore}, oldest first, at most {@code limit}. Attempts the reconciler gave up on are not returned.
     */
    List<Payment> findStaleOperations(Instant updatedBefore, int limit);

    /** How many payments the reconciler gave up on (open payments and open operations): each needs a person. */
    long countStuck();

    /** Result of {@link #claim}. */
    sealed interface ClaimResult permits Claimed, AlreadyClaimed {
    }

    record Claimed(Payment payment) implements ClaimResult {
    }

    /** Someone else holds the order (or this attempt): re-read {@link #findOrder}. */
    record AlreadyClaimed(String orderId) implements ClaimResult {
    }

    /** Result of {@link #update}. */
    sealed interface WriteResult permits Applied, Lost {
    }

    record Applied(Payment payment) implements WriteResult {
    }

    /** The condition failed: another writer changed the payment first (or it does not exist). */
    record Lost(String paymentId) implements WriteResult {
    }
}
