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

    static GatewayOutcome outcome(GatewayOutcome.Result result, String errorCode, String transactionState) {
        return new GatewayOutcome(result, errorCode, "descrizione", transactionState, "order-1-1", "777", "AUTH01",
                new BigDecimal("25.00"), "EUR", null, null, null, null, null);
    }
}
