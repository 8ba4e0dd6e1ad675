package com.axpay.store.dynamodb;

import com.axpay.core.domain.Buyer;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.domain.ShopTransactionIds;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Test payments with unique order ids, so tests sharing a table never meet. */
final class Payments {

    static final Instant T0 = Instant.parse("2026-01-10T10:00:00.123456Z");

    private Payments() {
    }

    static String uniqueOrderId() {
        return "ord-" + UUID.randomUUID().toString().substring(0, 13);
    }

    static Payment created(String orderId, int attempt, String amount) {
        return Payment.builder()
                .paymentId("pay_" + UUID.randomUUID().toString().replace("-", ""))
                .orderId(orderId)
                .attempt(attempt)
                .shopTransactionId(ShopTransactionIds.of(orderId, attempt))
                .amount(new BigDecimal(amount))
                .currency("EUR")
                .state(PaymentState.CREATED)
                .version(1)
                .buyer(new Buyer("Maria De Luca", "maria@example.test"))
                .customInfo(Map.of("STORE", "north", "CHANNEL", "web"))
                .language("it")
                .returnUrl("https://shop.example.test/return")
                .createdAt(T0)
                .updatedAt(T0)
                .build();
    }

    static Payment created(String orderId) {
        return created(orderId, 1, "12.50");
    }
}
