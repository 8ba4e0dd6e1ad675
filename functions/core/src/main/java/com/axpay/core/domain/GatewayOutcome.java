package com.axpay.core.domain;

import java.math.BigDecimal;

/**
 * What Axerve says about one transaction, from a decrypted result string or a status query, in core terms.
 * The adapter maps wire values (UIC currency code to ISO, CDATA-wrapped buyer fields) before building it; every field
 * except {@code result} may be null.
 *
 * @param transactionState Axerve's TransactionState from callReadTrxS2S (AUT, MOV, PRE, CAN, STO), null from Decrypt
 * @param amazonReasonCode Amazon's decline reason when Axerve exposes one (e.g. InvalidPaymentMethod)
 * @param token            recurring token (sensitive: never log or return it)
 */
public record GatewayOutcome(
        Result result,
        String errorCode,
        String errorDescription,
        String transactionState,
        String shopTransactionId,
        String bankTransactionId,
        String authorizationCode,
        BigDecimal amount,
        String currency,
        Buyer buyer,
        Address shippingAddress,
        Address billingAddress,
        String amazonReasonCode,
        String token) {

    /** Axerve's TransactionResult. */
    public enum Result { OK, KO, XX }

    @Override
    public String toString() {
        // Keeps buyer data and the token out of any accidental log line.
        return "GatewayOutcome[result=" + result + ", errorCode=" + errorCode + ", transactionState=" + transactionState
                + ", shopTransactionId=" + shopTransactionId + ", bankTransactionId=" + bankTransactionId + "]";
    }
}
