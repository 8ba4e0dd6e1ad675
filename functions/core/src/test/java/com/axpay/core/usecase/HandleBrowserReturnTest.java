package com.axpay.core.usecase;

import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HandleBrowserReturnTest {

    private static Payment payment(String returnUrl, PaymentState state) {
        Instant t = Instant.parse("2026-01-10T10:00:00Z");
        return Payment.builder().paymentId("pay_1").orderId("o1").shopTransactionId("o1-1")
                .amount(new BigDecimal("1.00")).currency("EUR").state(state).returnUrl(returnUrl)
                .createdAt(t).updatedAt(t).build();
    }

    @Test
    void redirectCarriesTheStateWeHold() {
        assertEquals("https://shop.example.test/r?paymentId=pay_1&state=PENDING",
                HandleBrowserReturn.redirectTarget(payment("https://shop.example.test/r", PaymentState.PENDING)));
    }

    @Test
    void existingQueryIsKept() {
        assertEquals("https://shop.example.test/r?o=1&paymentId=pay_1&state=CAPTURED",
                HandleBrowserReturn.redirectTarget(payment("https://shop.example.test/r?o=1", PaymentState.CAPTURED)));
    }
}
