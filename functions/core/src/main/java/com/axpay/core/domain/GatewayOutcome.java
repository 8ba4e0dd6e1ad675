package com.axpay.core.domain;

import com.axpay.core.agreement.DeclineClass;

import java.math.BigDecimal;

/**
 * What the gateway says about one transaction, from a notification or a status query, in core terms. The adapter
 * decides the {@link Verdict} and the {@link Decline} from the gateway's own codes and maps wire values (currency
 * codes, CDATA-wrapped buyer fields) before building it; every field except {@code verdict} may be null.
 *
 * @param errorCode        the gateway's error code, kept as given for the records and answers (core never decides
 *                         on it)
 * @param errorDescription the gateway's description of it, kept as given
 * @param token            recurring token (sensitive: never log or return it)
 */
public record GatewayOutcome(
        Verdict verdict,
        Decline decline,
        String errorCode,
        String errorDescription,
        String shopTransactionId,
        String bankTransactionId,
        String authorizationCode,
        BigDecimal amount,
        String currency,
        Buyer buyer,
        Address shippingAddress,
        Address billingAddress,
        String token) {

    /**
     * Why a transaction was refused, as the adapter read it.
     *
     * @param reason       what the buyer is told: the wallet's reason when it gave one, else the gateway's
     * @param walletReason the wallet's own reason alone (OTHER when it gave none): a later query may refine a
     *                     generic decline with it
     * @param declineClass whether a later retry of a recurring charge may succeed
     * @param reasonCode   the wallet's reason code as given, kept on charge records (null when none)
     */
    public record Decline(DeclineReason reason, DeclineReason walletReason, DeclineClass declineClass,
                          String reasonCode) {

        /** A refusal the answer says nothing more about: a generic reason, retried on the dunning schedule. */
        public static final Decline UNSPECIFIED = new Decline(DeclineReason.OTHER, DeclineReason.OTHER,
                DeclineClass.SOFT, null);
    }

    /** The decline, or {@link Decline#UNSPECIFIED} when the adapter gave none. */
    public Decline declineOrUnspecified() {
        return decline == null ? Decline.UNSPECIFIED : decline;
    }

    @Override
    public String toString() {
        // Keeps buyer data and the token out of any accidental log line.
        return "GatewayOutcome[verdict=" + verdict + ", errorCode=" + errorCode
                + ", shopTransactionId=" + shopTransactionId + ", bankTransactionId=" + bankTransactionId + "]";
    }
}
