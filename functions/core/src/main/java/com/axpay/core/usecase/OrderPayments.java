package com.axpay.core.usecase;

import com.axpay.core.domain.Amounts;
import com.axpay.core.domain.OrderClaim;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.port.PaymentRepository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;

/** What the two ways of paying for an order (payment page, Amazon Pay widget) decide alike. */
final class OrderPayments {

    private OrderPayments() {
    }

    /** The payment of the order's latest claim, or null when the order was never claimed. */
    static Payment latest(PaymentRepository payments, String orderId) {
        OrderClaim order = payments.findOrder(orderId).orElse(null);
        return order == null ? null : payments.findById(order.paymentId())
                .orElseThrow(() -> new IllegalStateException("order claim without payment " + order.paymentId()));
    }

    /** A repeat may resume the order's live payment only for the same money: anything else is a conflict (409). */
    static void requireSameMoney(Payment live, String orderId, BigDecimal amount, String currency) {
        if (!Amounts.same(live.amount(), amount) || !live.currency().equals(currency)) {
            throw new PaymentConflictException(live.paymentId(),
                    "order " + orderId + " already has a live payment with a different amount or currency");
        }
    }

    /**
     * Axerve's answer to a call about {@code p} was lost: the payment becomes UNKNOWN (if it is not already), so a
     * repeat or the reconciler asks Axerve before anything is sent again.
     */
    static void markUnknown(PaymentRepository payments, Payment p, Instant now) {
        if (p.state() != PaymentState.UNKNOWN) {
            payments.update(p.toBuilder().state(PaymentState.UNKNOWN).updatedAt(now).build(), p.version(),
                    EnumSet.of(p.state()));
        }
    }
}
