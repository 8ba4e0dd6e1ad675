package com.axpay.core.port;

import com.axpay.core.domain.GatewayOutcome;

import java.math.BigDecimal;

/**
 * Axerve's server-to-server payments (callPagamS2S), token deletion and status query. A declined payment is data
 * (an outcome with result KO), not an exception; {@link GatewayException} means no verdict (timeout, transport,
 * refusal of the request itself).
 */
public interface RecurringGateway {

    /** callPagamS2S with paymentType AMAZONPAY and the agreement's token. */
    GatewayOutcome chargeToken(String shopTransactionId, BigDecimal amount, String currency, String token);

    /** callPagamS2S with paymentType AMAZONPAY and transKey = the Amazon Order Reference Id (custom widgets). */
    GatewayOutcome payWithOrderReference(String shopTransactionId, BigDecimal amount, String currency,
                                         String amazonOrderReferenceId);

    /** callReadTrxS2S; {@link GatewayException.Kind#NOT_FOUND} when Axerve has no such transaction. */
    GatewayOutcome queryTransaction(String shopTransactionId);

    /** callDeleteTokenS2S: ends the billing agreement at Amazon. */
    void deleteToken(String token);
}
