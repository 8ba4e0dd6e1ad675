package com.axpay.core.domain;

/**
 * What the gateway's answer says about one transaction, in gateway-neutral terms. The gateway adapter decides it from
 * the gateway's own results, states and codes; core decides on verdicts only.
 */
public enum Verdict {
    /** Approved; the money is reserved, not moved yet (or the answer does not say). */
    AUTHORIZED,
    /** Approved and the money moved (or its transfer is already decided). */
    CAPTURED,
    /** Approved, then voided. */
    CANCELED,
    /** Approved, then refunded. */
    REFUNDED,
    /** Still being decided by the payment provider: ask again later. */
    PENDING,
    /** Refused; the outcome's {@link GatewayOutcome.Decline} says why and whether to retry. */
    DECLINED,
    /** The buyer left or cancelled. */
    ABANDONED,
    /** The gateway has no such transaction (or it lapsed before the buyer finished). */
    NOT_FOUND,
    /**
     * The answer is about the call, not the payment (the gateway's own error, credentials refused, already
     * processed): no verdict, so the transaction is retried or reconciled, never marked failed.
     */
    NO_VERDICT;

    /** True for every approved outcome, whatever happened to the money since. */
    public boolean approved() {
        return this == AUTHORIZED || this == CAPTURED || this == CANCELED || this == REFUNDED;
    }
}
