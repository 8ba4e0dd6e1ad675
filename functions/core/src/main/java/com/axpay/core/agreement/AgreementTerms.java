package com.axpay.core.agreement;

import com.axpay.core.domain.Required;

import java.time.Instant;

/**
 * The recurring part of POST /payments, stored with the payment before Encrypt so that the S2S notification carrying
 * the token can turn it into an {@link Agreement}.
 */
public record AgreementTerms(String agreementId, String paymentId, String orderId, RecurringMode mode, Plan plan,
                             Instant createdAt) {

    public AgreementTerms {
        Required.components("agreementId", agreementId, "paymentId", paymentId, "orderId", orderId, "mode", mode,
                "plan", plan, "createdAt", createdAt);
    }
}
