package com.axpay.core.usecase;

import com.axpay.core.domain.Buyer;
import com.axpay.core.domain.DeclineReason;
import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.domain.PaymentUpdates;
import com.axpay.core.domain.PaymentUpdates.Apply;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.port.PaymentRepository.Applied;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.function.Function;

/**
 * After an outcome is stored (payment-page notification or custom-widget charge): what only callReadTrxS2S tells,
 * buyer and addresses of a paid payment, whether the money moved, and Amazon's reason of a decline.
 */
final class ReadDetails {

    private final PaymentRepository payments;
    private final Clock clock;

    ReadDetails(PaymentRepository payments, Clock clock) {
        this.payments = Objects.requireNonNull(payments);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * The query is the truth: once a notification is stored, callReadTrxS2S reads buyer and addresses of a paid
     * payment (and refines AUTHORIZED to CAPTURED when the money moved), or Amazon's reason of a decline. The outcome
     * is already stored, so a failed read still accepts the notification; what it would have added stays unread
     * until a later notification for the payment.
     */
    Payment afterOutcome(Payment p, Function<String, GatewayOutcome> query) {
        boolean unreadPaid = p.state().isPaid() && p.addressesReadAt() == null;
        boolean genericDecline = p.state() == PaymentState.DECLINED
                && p.declineReason() != null && !p.declineReason().walletOnly();
        if (!unreadPaid && !genericDecline) {
            return p;
        }
        GatewayOutcome q;
        try {
            q = query.apply(p.shopTransactionId());
        } catch (GatewayException e) {
            return p;
        }
        return unreadPaid ? enrich(p, q) : refineDecline(p, q);
    }

    private Payment enrich(Payment p, GatewayOutcome q) {
        Buyer buyer = q.buyer() == null ? p.buyer() : q.buyer().orElse(p.buyer());
        Payment enriched = payments.enrich(p.paymentId(), buyer, q.shippingAddress(), q.billingAddress(),
                        clock.instant())
                .orElseGet(() -> reread(p));
        PaymentUpdates.Decision d = PaymentUpdates.fromQuery(enriched, q, clock.instant());
        return d instanceof Apply apply ? write(enriched, apply.next()) : enriched;
    }

    private Payment refineDecline(Payment p, GatewayOutcome q) {
        DeclineReason amazon = q.declineOrUnspecified().walletReason();
        if (amazon == DeclineReason.OTHER || amazon == p.declineReason()) {
            return p;
        }
        return write(p, p.toBuilder().declineReason(amazon).updatedAt(clock.instant()).build());
    }

    /** A conditional write on the version we read; losing it means another writer moved on, so answer with theirs. */
    private Payment write(Payment current, Payment next) {
        PaymentRepository.WriteResult w = payments.update(next, current.version(), EnumSet.of(current.state()));
        return w instanceof Applied applied ? applied.payment() : reread(current);
    }

    private Payment reread(Payment p) {
        return payments.findById(p.paymentId()).orElse(p);
    }
}
