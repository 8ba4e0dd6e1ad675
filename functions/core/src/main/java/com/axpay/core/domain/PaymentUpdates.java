package com.axpay.core.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Decides what a gateway outcome does to a payment: the pure half of the notification and reconciliation use cases.
 */
public final class PaymentUpdates {

    /** What to do with an outcome. */
    public sealed interface Decision permits Apply, NoChange, ConfirmWithQuery {
    }

    /** Write this next value (conditionally on the current version). */
    public record Apply(Payment next) implements Decision {
    }

    /** Duplicate, late, or not a verdict: the stored payment stays as it is. */
    public record NoChange(String why) implements Decision {
    }

    /** A notification claims money moved on a payment we hold as failed: only Axerve's query may decide that. */
    public record ConfirmWithQuery() implements Decision {
    }

    private PaymentUpdates() {
    }

    /** Outcome of a decrypted notification (S2S call). */
    public static Decision fromNotification(Payment current, GatewayOutcome outcome, Instant now) {
        return decide(current, outcome, now, false);
    }

    /** Outcome of Axerve's status query (callReadTrxS2S): the truth, including KO then OK. */
    public static Decision fromQuery(Payment current, GatewayOutcome outcome, Instant now) {
        return decide(current, outcome, now, true);
    }

    /**
     * The reconciler's verdict when the gateway has no such transaction.
     *
     * @param errorCode the gateway's code for it, stored as given
     */
    public static Decision notFound(Payment current, String errorCode, Instant now) {
        if (!current.state().canMoveTo(PaymentState.EXPIRED)) {
            return new NoChange("state " + current.state() + " is kept");
        }
        return new Apply(current.toBuilder()
                .state(PaymentState.EXPIRED)
                .declineReason(DeclineReason.EXPIRED)
                .errorCode(errorCode)
                .updatedAt(now)
                .resolvedAt(now)
                .build());
    }

    private static Decision decide(Payment current, GatewayOutcome outcome, Instant now, boolean fromQuery) {
        Optional<PaymentState> verdict = OutcomeMapping.nextState(outcome);
        if (verdict.isEmpty()) {
            return new NoChange("outcome gives no verdict (error " + outcome.errorCode() + ")");
        }
        PaymentState target = verdict.get();
        if (target == current.state()) {
            return new NoChange("already " + target);
        }
        if (!current.state().canMoveTo(target)) {
            return new NoChange(current.state() + " is not downgraded to " + target);
        }
        if (current.state().isFailed() && !fromQuery) {
            return new ConfirmWithQuery();
        }
        return new Apply(applyOutcome(current, outcome, target, now));
    }

    private static Payment applyOutcome(Payment current, GatewayOutcome outcome, PaymentState target, Instant now) {
        Payment.Builder b = current.toBuilder()
                .state(target)
                .updatedAt(now)
                .bankTransactionId(firstNonNull(outcome.bankTransactionId(), current.bankTransactionId()))
                .authorizationCode(firstNonNull(outcome.authorizationCode(), current.authorizationCode()))
                .errorCode(outcome.errorCode())
                .errorDescription(outcome.errorDescription());
        if (target.isTerminal() && current.resolvedAt() == null) {
            b.resolvedAt(now);
        }
        b.declineReason(target.isFailed() ? OutcomeMapping.declineReason(outcome) : null);
        if (outcome.buyer() != null) {
            b.buyer(outcome.buyer().orElse(current.buyer()));
        }
        if (outcome.shippingAddress() != null || outcome.billingAddress() != null) {
            b.shippingAddress(firstNonNull(outcome.shippingAddress(), current.shippingAddress()))
                    .billingAddress(firstNonNull(outcome.billingAddress(), current.billingAddress()))
                    .addressesReadAt(now);
        }
        return b.build();
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }
}
