package com.axpay.core.domain;

import java.util.Optional;
import java.util.Set;

/** Maps Axerve's outcome (TransactionResult, ErrorCode, TransactionState) to the payment state it implies. */
public final class OutcomeMapping {

    /**
     * KO codes that describe the CALL, not the payment (system error, IP/apikey refused, already processed):
     * they say nothing about whether the buyer paid, so they never move a payment.
     */
    private static final Set<String> NOT_A_VERDICT = Set.of("9999", "1142", "1169", "1137", "4707");

    private OutcomeMapping() {
    }

    /** The state the outcome implies, or empty when it gives no verdict on the payment. */
    public static Optional<PaymentState> nextState(GatewayOutcome outcome) {
        switch (outcome.result()) {
            case XX:
                return Optional.of(PaymentState.PENDING);
            case OK:
                // only a token-only (onlyrecurring) result is OK for 0.00: nothing was charged
                if (outcome.amount() != null && outcome.amount().signum() == 0) {
                    return Optional.of(PaymentState.TOKENIZED);
                }
                return Optional.of(paidState(outcome.transactionState()));
            case KO:
                return koState(outcome.errorCode());
            default:
                throw new IllegalStateException("unmapped result " + outcome.result());
        }
    }

    /** The decline reason for a negative outcome: Amazon's reason code when present, else Axerve's error code. */
    public static DeclineReason declineReason(GatewayOutcome outcome) {
        DeclineReason fromAmazon = DeclineReason.fromAmazonReasonCode(outcome.amazonReasonCode());
        return fromAmazon != DeclineReason.OTHER ? fromAmazon : DeclineReason.fromErrorCode(outcome.errorCode());
    }

    private static PaymentState paidState(String transactionState) {
        if (transactionState == null) {
            return PaymentState.AUTHORIZED; // Decrypt carries no TransactionState; the query refines it later
        }
        switch (transactionState.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "MOV": // amount transferred
            case "PRE": // reserved for transfer: settlement already decided
                return PaymentState.CAPTURED;
            case "CAN":
                return PaymentState.CANCELED;
            case "STO":
                return PaymentState.REFUNDED;
            default: // AUT and anything new: authorized, not yet moved
                return PaymentState.AUTHORIZED;
        }
    }

    private static Optional<PaymentState> koState(String errorCode) {
        String code = errorCode == null ? "" : errorCode.strip();
        if (NOT_A_VERDICT.contains(code)) {
            return Optional.empty();
        }
        if (DeclineReason.ABANDON_CODES.contains(code)) {
            return Optional.of(PaymentState.ABANDONED);
        }
        if (code.equals("2011")) {
            return Optional.of(PaymentState.EXPIRED); // Axerve has no such transaction
        }
        return Optional.of(PaymentState.DECLINED);
    }
}
