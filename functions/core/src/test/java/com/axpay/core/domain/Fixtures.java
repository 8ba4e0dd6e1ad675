package com.axpay.core.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** Sample values for domain tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

    private Fixtures() {
    }

    static Payment payment(PaymentState state) {
        return Payment.builder()
                .paymentId("pay_1")
                .orderId("order-1")
                .attempt(1)
                .shopTransactionId("order-1-1")
                .amount(new BigDecimal("25.00"))
                .currency("EUR")
                .state(state)
                .version(3)
                .createdAt(T0)
                .updatedAt(T0)
                .build();
    }

    /** An outcome with this verdict; a refusal says nothing more than its generic reason. */
    static GatewayOutcome outcome(Verdict verdict) {
        return outcome(verdict, verdict.approved() ? null : GatewayOutcome.Decline.UNSPECIFIED, null);
    }

    /** A declined outcome for this reason, with the gateway's code kept as given. */
    static GatewayOutcome declined(DeclineReason reason, String errorCode) {
        return outcome(Verdict.DECLINED, new GatewayOutcome.Decline(reason, DeclineReason.OTHER,
                com.axpay.core.agreement.DeclineClass.SOFT, null), errorCode);
    }

    static GatewayOutcome outcome(Verdict verdict, GatewayOutcome.Decline decline, String errorCode) {
        return new GatewayOutcome(verdict, decline, errorCode, "descrizione", "order-1-1", "777", "AUTH01",
                new BigDecimal("25.00"), "EUR", null, null, null, null);
    }
}
