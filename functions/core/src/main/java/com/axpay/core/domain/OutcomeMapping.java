package com.axpay.core.domain;

import java.util.Optional;

/** Maps the gateway's verdict on a transaction to the payment state it implies. */
public final class OutcomeMapping {

    private OutcomeMapping() {
    }

    /** The state the outcome implies, or empty when it gives no verdict on the payment. */
    public static Optional<PaymentState> nextState(GatewayOutcome outcome) {
        Verdict verdict = outcome.verdict();
        // only a token-only (onlyrecurring) approval is for 0.00: nothing was charged
        if (verdict.approved() && outcome.amount() != null && outcome.amount().signum() == 0) {
            return Optional.of(PaymentState.TOKENIZED);
        }
        return switch (verdict) {
            case AUTHORIZED -> Optional.of(PaymentState.AUTHORIZED);
            case CAPTURED -> Optional.of(PaymentState.CAPTURED);
            case CANCELED -> Optional.of(PaymentState.CANCELED);
            case REFUNDED -> Optional.of(PaymentState.REFUNDED);
            case PENDING -> Optional.of(PaymentState.PENDING);
            case DECLINED -> Optional.of(PaymentState.DECLINED);
            case ABANDONED -> Optional.of(PaymentState.ABANDONED);
            case NOT_FOUND -> Optional.of(PaymentState.EXPIRED);
            case NO_VERDICT -> Optional.empty();
        };
    }

    /** The decline reason for a negative outcome, as the adapter read it. */
    public static DeclineReason declineReason(GatewayOutcome outcome) {
        return outcome.declineOrUnspecified().reason();
    }
}
