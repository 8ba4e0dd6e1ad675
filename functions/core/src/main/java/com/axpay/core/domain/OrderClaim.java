package com.axpay.core.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** The order's claim record: which attempt and payment currently own the storefront order id. */
public record OrderClaim(String orderId, int attempt, String paymentId, String shopTransactionId,
                         BigDecimal amount, String currency, Instant createdAt, Instant updatedAt) {

    public static OrderClaim of(Payment p) {
        return new OrderClaim(p.orderId(), p.attempt(), p.paymentId(), p.shopTransactionId(), p.amount(),
                p.currency(), p.createdAt(), p.updatedAt());
    }
}
