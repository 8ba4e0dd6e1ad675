package com.axpay.core.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaymentEventsTest {

    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    @ParameterizedTest
    @CsvSource({
            "REDIRECTED, AUTHORIZED, Payment Authorized",
            "AUTHORIZED, CAPTURED, Payment Captured",
            "REDIRECTED, DECLINED, Payment Declined",
            "REDIRECTED, ABANDONED, Payment Abandoned",
            "REDIRECTED, EXPIRED, Payment Expired",
            "AUTHORIZED, CANCELED, Payment Cancelled",
            "CAPTURED, REFUNDED, Payment Refunded"})
    void theStateChangesMerchantsActOnArePublished(PaymentState from, PaymentState to, String detailType) {
        DomainEvent e = PaymentEvents.transition(from, stored(to)).orElseThrow();
        assertEquals(detailType, e.detailType());
        assertEquals(DomainEvent.PAYMENTS_SOURCE, e.source());
        assertEquals(to.name(), e.detail().get("state"));
        assertEquals(from.name(), e.detail().get("previousState"));
    }

    @ParameterizedTest
    @CsvSource({"CREATED, REDIRECTED", "REDIRECTED, UNKNOWN", "REDIRECTED, PENDING", "CAPTURED, CAPTURED"})
    void stepsOnTheWayAndNonChangesAreNot(PaymentState from, PaymentState to) {
        assertTrue(PaymentEvents.transition(from, stored(to)).isEmpty());
    }

    @Test
    void theEventIdIsTheChangesAndTheDetailHoldsNoBuyerData() {
        Payment p = stored(PaymentState.CAPTURED);
        DomainEvent a = PaymentEvents.transition(PaymentState.AUTHORIZED, p).orElseThrow();
        DomainEvent b = PaymentEvents.transition(PaymentState.AUTHORIZED, p).orElseThrow();
        assertEquals("pay_1-v6", a.eventId());
        assertEquals(a, b, "the same change always gives the same event");
        assertEquals("20.00", a.detail().get("amount"));
        assertEquals("0.00", a.detail().get("refundedAmount"));
        assertFalse(a.detail().containsKey("errorCode"), "a success carries no error code");
        String all = a.detail().toString();
        assertFalse(all.contains("Maria") || all.contains("example.test") || all.contains("Roma"), all);
    }

    @Test
    void anUpdateFromOneStatePublishesItsMoveAndOneFromSeveralPublishesNothing() {
        Payment captured = stored(PaymentState.CAPTURED);
        assertEquals(PaymentEvents.CAPTURED, PaymentEvents.forUpdate(Set.of(PaymentState.AUTHORIZED),
                captured).orElseThrow().detailType());
        assertTrue(PaymentEvents.forUpdate(Set.of(PaymentState.AUTHORIZED, PaymentState.PENDING), captured)
                .isEmpty());
    }

    @Test
    void aRefundEventNamesTheRefund() {
        Payment p = stored(PaymentState.PARTIALLY_REFUNDED).toBuilder().refundedAmount(new BigDecimal("5")).build();
        Refund r = new Refund("pay_1", "rma-1", new BigDecimal("5.00"), "EUR", null, Refund.RefundState.SUCCEEDED,
                null, 2, 1, T, T);
        DomainEvent e = PaymentEvents.refunded(PaymentState.CAPTURED, p, r);
        assertEquals(PaymentEvents.REFUNDED, e.detailType());
        assertEquals("rma-1", e.detail().get("refundId"));
        assertEquals("5.00", e.detail().get("refundAmount"));
        assertEquals("5.00", e.detail().get("refundedAmount"));
    }

    private static Payment stored(PaymentState state) {
        return Payment.builder().paymentId("pay_1").orderId("o-1").shopTransactionId("o-1-1")
                .amount(new BigDecimal("20")).currency("EUR").state(state).version(6).errorCode("0")
                .buyer(new Buyer("Maria Rossi", "maria@example.test"))
                .shippingAddress(new Address("Maria Rossi", "Via Roma 1", null, "Roma", "00100", null, "IT", null))
                .createdAt(T).updatedAt(T).build();
    }
}
