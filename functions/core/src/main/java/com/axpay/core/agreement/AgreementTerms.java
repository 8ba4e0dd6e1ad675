package com.axpay.core.agreement;

import java.time.Instant;
import java.util.Objects;

/**
 * The recurring part of POST /payments, stored with the payment before Encrypt so that the S2S notification carrying
 * the token can turn it into an {@link Agreement}.
 */
public record AgreementTerms(String agreementId, String paymentId, String orderId, RecurringMode mode, Plan plan,
                             Instant createdAt) {

    public AgreementTerms {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
