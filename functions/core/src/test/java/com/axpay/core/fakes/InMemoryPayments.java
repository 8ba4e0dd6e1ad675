package com.axpay.core.fakes;

import com.axpay.core.domain.Address;
import com.axpay.core.domain.Buyer;
import com.axpay.core.domain.OrderClaim;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.port.PaymentRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link PaymentRepository} in memory, with the store's conditions (claims per order and attempt, version- and
 * state-conditional updates). {@link #beforeNextUpdate} lets a test play a rival writer that gets in first.
 */
public final class InMemoryPayments implements PaymentRepository {

    private final Map<String, Payment> byId = new HashMap<>();
    private final Map<String, OrderClaim> orders = new HashMap<>();
    private final List<Runnable> rivals = new ArrayList<>();
    private int writes;

    @Override
    public synchronized ClaimResult claim(Payment payment) {
        OrderClaim held = orders.get(payment.orderId());
        int heldAttempt = held == null ? 0 : held.attempt();
        if (heldAttempt != payment.attempt() - 1) {
            return new AlreadyClaimed(payment.orderId());
        }
        orders.put(payment.orderId(), OrderClaim.of(payment));
        byId.put(payment.paymentId(), payment);
        writes++;
        return new Claimed(payment);
    }

    /** Stores a payment as it is (a test's starting point). */
    public synchronized Payment put(Payment payment) {
        byId.put(payment.paymentId(), payment);
        orders.put(payment.orderId(), OrderClaim.of(payment));
        return payment;
    }

    @Override
    public synchronized Optional<Payment> findById(String paymentId) {
        return Optional.ofNullable(byId.get(paymentId));
    }

    @Override
    public synchronized Optional<Payment> findByShopTransactionId(String shopTransactionId) {
        return byId.values().stream().filter(p -> p.shopTransactionId().equals(shopTransactionId)).findFirst();
    }

    @Override
    public synchronized Optional<OrderClaim> findOrder(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public WriteResult update(Payment next, long expectedVersion, Set<PaymentState> expectedStates) {
        Runnable rival;
        synchronized (this) {
            rival = rivals.isEmpty() ? null : rivals.remove(0);
        }
        if (rival != null) {
            rival.run();
        }
        synchronized (this) {
            Payment stored = byId.get(next.paymentId());
            if (stored == null || stored.version() != expectedVersion || !expectedStates.contains(stored.state())) {
                return new Lost(next.paymentId());
            }
            Payment written = next.toBuilder().version(expectedVersion + 1).build();
            byId.put(written.paymentId(), written);
            writes++;
            return new Applied(written);
        }
    }

    @Override
    public synchronized Optional<Payment> enrich(String paymentId, Buyer buyer, Address shipping, Address billing,
                                                 Instant readAt) {
        Payment stored = byId.get(paymentId);
        if (stored == null || stored.addressesReadAt() != null) {
            return Optional.empty();
        }
        Payment written = stored.toBuilder().buyer(buyer).shippingAddress(shipping).billingAddress(billing)
                .addressesReadAt(readAt).version(stored.version() + 1).build();
        byId.put(paymentId, written);
        writes++;
        return Optional.of(written);
    }

    // The three queries read the store's sparse index: a payment is in the bucket Payment.openBucket names.
    @Override
    public synchronized List<Payment> findStale(PaymentState state, Instant updatedBefore, int limit) {
        return inBucket(state.name(), updatedBefore, limit);
    }

    @Override
    public synchronized List<Payment> findStaleOperations(Instant updatedBefore, int limit) {
        return inBucket(Payment.OPERATION_BUCKET, updatedBefore, limit);
    }

    @Override
    public synchronized long countStuck() {
        return byId.values().stream().filter(p -> Payment.STUCK_BUCKET.equals(p.openBucket())).count();
    }

    private List<Payment> inBucket(String bucket, Instant updatedBefore, int limit) {
        return byId.values().stream()
                .filter(p -> bucket.equals(p.openBucket()) && p.updatedAt().isBefore(updatedBefore))
                .sorted(Comparator.comparing(Payment::updatedAt)).limit(limit).toList();
    }

    /**
     * Replaces the payment (as version {@code expectedVersion + 1}) if the stored one still has that version and,
     * when given, that state: the payment half of a transactional write of another fake.
     */
    synchronized boolean swap(Payment next, long expectedVersion, PaymentState expectedState) {
        Payment stored = byId.get(next.paymentId());
        if (stored == null || stored.version() != expectedVersion
                || (expectedState != null && stored.state() != expectedState)) {
            return false;
        }
        byId.put(next.paymentId(), next.toBuilder().version(expectedVersion + 1).build());
        writes++;
        return true;
    }

    /** A rival writer that runs just before the next {@link #update} reads the stored payment. */
    public synchronized void beforeNextUpdate(Runnable rival) {
        rivals.add(rival);
    }

    /** A rival's write: bumps the stored payment's version as any other writer would. */
    public synchronized void touch(String paymentId, Instant at) {
        Payment stored = byId.get(paymentId);
        byId.put(paymentId, stored.toBuilder().updatedAt(at).version(stored.version() + 1).build());
    }

    /** Successful writes so far (claims, updates, enrichments). */
    public synchronized int writes() {
        return writes;
    }
}
