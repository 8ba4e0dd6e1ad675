package com.axpay.core.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which payment changes are published and what their detail holds. Detail types are the contract documented in
 * {@code functions/payments/events-schema.md}.
 */
public final class PaymentEvents {

    public static final String AUTHORIZED = "Payment Authorized";
    public static final String CAPTURED = "Payment Captured";
    public static final String DECLINED = "Payment Declined";
    public static final String ABANDONED = "Payment Abandoned";
    public static final String EXPIRED = "Payment Expired";
    public static final String CANCELLED = "Payment Cancelled";
    public static final String REFUNDED = "Payment Refunded";

    private PaymentEvents() {
    }

    /**
     * The event for a stored payment that moved from {@code from} to its current state, or empty when the move is
     * not one merchants act on (CREATED to REDIRECTED, an UNKNOWN Encrypt, PENDING).
     *
     * @param stored the payment as written, with its new version
     */
    public static Optional<DomainEvent> transition(PaymentState from, Payment stored) {
        if (from == stored.state()) {
            return Optional.empty();
        }
        String type = switch (stored.state()) {
            case AUTHORIZED -> AUTHORIZED;
            case CAPTURED -> CAPTURED;
            case DECLINED -> DECLINED;
            case ABANDONED -> ABANDONED;
            case EXPIRED -> EXPIRED;
            case CANCELED -> CANCELLED;
            case PARTIALLY_REFUNDED, REFUNDED -> REFUNDED;
            default -> null;
        };
        return type == null ? Optional.empty() : Optional.of(event(type, from, stored, null));
    }

    /**
     * The event of a conditional update ({@code PaymentRepository.update}): an update from one known state publishes
     * that move's event; an update allowed from several states cannot tell which move it made, so it publishes none
     * (the use cases that change what merchants act on update from one state).
     */
    public static Optional<DomainEvent> forUpdate(Set<PaymentState> expectedStates, Payment stored) {
        return expectedStates.size() == 1 ? transition(expectedStates.iterator().next(), stored) : Optional.empty();
    }

    /** A refund Axerve confirmed, stored on {@code stored} (its state PARTIALLY_REFUNDED or REFUNDED). */
    public static DomainEvent refunded(PaymentState from, Payment stored, Refund refund) {
        return event(REFUNDED, from, stored, refund);
    }

    private static DomainEvent event(String type, PaymentState from, Payment p, Refund refund) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("paymentId", p.paymentId());
        d.put("orderId", p.orderId());
        d.put("shopTransactionId", p.shopTransactionId());
        d.put("bankTransactionId", p.bankTransactionId());
        d.put("agreementId", p.agreementId());
        d.put("state", p.state().name());
        d.put("previousState", from.name());
        d.put("amount", Amounts.format(p.amount()));
        d.put("currency", p.currency());
        d.put("refundedAmount", Amounts.format(p.refundedAmount()));
        d.put("errorCode", p.state().isFailed() ? p.errorCode() : null);
        d.put("declineReason", p.declineReason() == null ? null : p.declineReason().name());
        if (refund != null) {
            d.put("refundId", refund.refundId());
            d.put("refundAmount", Amounts.format(refund.amount()));
        }
        return new DomainEvent(DomainEvent.PAYMENTS_SOURCE, type, p.paymentId(), p.version(), p.updatedAt(), d);
    }
}
