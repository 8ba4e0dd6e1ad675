package com.axpay.core.fakes;

import com.axpay.core.domain.DomainEvent;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.domain.Refund;
import com.axpay.core.port.RefundRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link RefundRepository} in memory: each write is one transaction over the refund and its payment. */
public final class InMemoryRefunds implements RefundRepository {

    private final InMemoryPayments payments;
    private final Map<String, Refund> refunds = new HashMap<>();
    private final List<DomainEvent> events = new ArrayList<>();

    public InMemoryRefunds(InMemoryPayments payments) {
        this.payments = payments;
    }

    private static String key(String paymentId, String refundId) {
        return paymentId + "/" + refundId;
    }

    @Override
    public Optional<Refund> find(String paymentId, String refundId) {
        synchronized (payments) {
            return Optional.ofNullable(refunds.get(key(paymentId, refundId)));
        }
    }

    @Override
    public Outcome reserve(Refund refund, Payment payment, long expectedVersion) {
        synchronized (payments) {
            if (refunds.containsKey(key(refund.paymentId(), refund.refundId()))) {
                return Outcome.REFUND_EXISTS;
            }
            if (!payments.swap(payment, expectedVersion, null)) {
                return Outcome.CHANGED;
            }
            refunds.put(key(refund.paymentId(), refund.refundId()), refund);
            return Outcome.WRITTEN;
        }
    }

    @Override
    public Outcome settle(Refund refund, Payment payment, long expectedVersion, PaymentState expectedState,
                          DomainEvent event) {
        synchronized (payments) {
            Refund stored = refunds.get(key(refund.paymentId(), refund.refundId()));
            if (stored == null || stored.version() != refund.version()
                    || !payments.swap(payment, expectedVersion, expectedState)) {
                return Outcome.CHANGED;
            }
            refunds.put(key(refund.paymentId(), refund.refundId()), new Refund(refund.paymentId(), refund.refundId(),
                    refund.amount(), refund.currency(), refund.reason(), refund.state(), refund.errorCode(),
                    refund.version() + 1, refund.attempts(), refund.createdAt(), refund.updatedAt()));
            if (event != null) {
                events.add(event);
            }
            return Outcome.WRITTEN;
        }
    }

    @Override
    public boolean claimAttempt(Refund claimed) {
        synchronized (payments) {
            Refund stored = refunds.get(key(claimed.paymentId(), claimed.refundId()));
            if (stored == null || stored.version() != claimed.version() - 1) {
                return false;
            }
            refunds.put(key(claimed.paymentId(), claimed.refundId()), claimed);
            return true;
        }
    }

    @Override
    public List<Refund> findPending(Instant updatedBefore, int limit) {
        synchronized (payments) {
            return refunds.values().stream()
                    .filter(r -> r.state() == Refund.RefundState.PENDING && r.updatedAt().isBefore(updatedBefore))
                    .sorted(Comparator.comparing(Refund::updatedAt)).limit(limit).toList();
        }
    }

    public List<DomainEvent> events() {
        synchronized (payments) {
            return List.copyOf(events);
        }
    }
}
