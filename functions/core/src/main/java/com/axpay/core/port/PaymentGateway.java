package com.axpay.core.port;

import com.axpay.core.domain.Buyer;
import com.axpay.core.domain.GatewayOutcome;

import java.math.BigDecimal;
import java.util.Map;

/** Axerve, in core terms. Every method throws {@link GatewayException} on failure. */
public interface PaymentGateway {

    /** Encrypt with paymentType AMAZONPAY: the crypt string and the payment page URL to send the buyer to. */
    HostedPayment startHostedPayment(HostedPaymentRequest request);

    /** Decrypt the {@code b} parameter Axerve sent to a return or S2S URL ({@code a} is the shop login). */
    GatewayOutcome decrypt(String shopLogin, String encryptedString);

    /** callReadTrxS2S by shopTransactionId; {@link GatewayException.Kind#NOT_FOUND} when Axerve has none. */
    GatewayOutcome queryTransaction(String shopTransactionId);

    /**
     * What Encrypt needs. Currency is the ISO code: the adapter maps it to Axerve's UIC code.
     *
     * @param billingAgreementDescription Amazon Pay recurring mode, or null for a one-time payment
     */
    record HostedPaymentRequest(String shopTransactionId, BigDecimal amount, String currency, Buyer buyer,
                                String language, Map<String, String> customInfo,
                                String billingAgreementDescription) {
    }

    /** Encrypt's answer. */
    record HostedPayment(String cryptString, String redirectUrl) {
    }
}
