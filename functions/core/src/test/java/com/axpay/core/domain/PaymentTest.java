package com.axpay.core.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static com.axpay.core.domain.Fixtures.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PaymentTest {

    @Test
    void amountIsKeptWithTwoDecimals() {
        Payment p = payment(PaymentState.CREATED).toBuilder().amount(new BigDecimal("7.5")).build();

        assertEquals("7.50", p.amount().toPlainString());
        assertEquals("7.50", Amounts.format(p.amount()));
    }

    @Test
    void moreThanTwoSignificantDecimalsIsRejectedNotRounded() {
        Payment.Builder b = payment(PaymentState.CREATED).toBuilder().amount(new BigDecimal("7.505"));

        assertThrows(ArithmeticException.class, b::build);
    }

    @Test
    void customInfoIsACopy() {
        Map<String, String> info = new HashMap<>(Map.of("k", "v"));
        Payment p = payment(PaymentState.CREATED).toBuilder().customInfo(info).build();
        info.put("k2", "v2");

        assertEquals(Map.of("k", "v"), p.customInfo());
    }

    @Test
    void openBucketFollowsStateAndReconcilerVerdict() {
        assertEquals("REDIRECTED", payment(PaymentState.REDIRECTED).openBucket());
        assertEquals("STUCK", payment(PaymentState.PENDING).toBuilder().reconcileExhausted(true).build().openBucket());
        assertNull(payment(PaymentState.CAPTURED).openBucket());
    }

    @Test
    void anOpenCaptureOrCancelKeepsAnAuthorizedPaymentInTheReconcilersIndexUntilItsOutcomeIsStored() {
        Payment authorized = payment(PaymentState.AUTHORIZED);
        java.time.Instant t = authorized.updatedAt();
        OperationAttempt a = OperationAttempt.start(OperationAttempt.Kind.CANCEL, authorized, t);

        assertEquals("cancel-" + authorized.version(), a.attemptId(), "the same for two concurrent requests");
        assertEquals("OPERATION", authorized.toBuilder().operation(a).build().openBucket());
        assertEquals("OPERATION", authorized.toBuilder()
                .operation(a.finish(OperationAttempt.Status.UNKNOWN, "TIMEOUT", t)).build().openBucket());
        assertEquals("STUCK", authorized.toBuilder().operation(a.checked(t, true)).build().openBucket());
        assertNull(authorized.toBuilder()
                .operation(a.finish(OperationAttempt.Status.FAILED, OperationAttempt.NOT_APPLIED, t)).build()
                .openBucket());
        assertNull(payment(PaymentState.CANCELED).toBuilder()
                .operation(a.finish(OperationAttempt.Status.SUCCEEDED, null, t)).build().openBucket());
    }

    @Test
    void anAttemptMayStillLandAtTheGatewayUntilItsLeaseRunsOut() {
        java.time.Instant t = java.time.Instant.parse("2026-01-10T10:00:00Z");
        OperationAttempt a = OperationAttempt.start(OperationAttempt.Kind.CAPTURE, payment(PaymentState.AUTHORIZED), t);
        java.time.Duration lease = java.time.Duration.ofSeconds(16);

        assertEquals(true, a.mayStillLand(t.plusSeconds(15), lease));
        assertEquals(false, a.mayStillLand(t.plusSeconds(16), lease));
    }

    @Test
    void buyerNameSplitsForCrms() {
        Payment p = payment(PaymentState.AUTHORIZED).toBuilder().buyer(new Buyer("Maria De Luca", null)).build();

        assertEquals(new PersonName("Maria", "De Luca"), p.buyer().splitName());
    }

    @Test
    void toStringKeepsPersonalDataOut() {
        Payment p = payment(PaymentState.AUTHORIZED).toBuilder()
                .buyer(new Buyer("Maria Rossi", "maria@example.test"))
                .shippingAddress(new Address("Maria Rossi", "Via Roma 1", null, "Milano", "20100", null, "IT", "+39"))
                .customInfo(Map.of("EMAIL_COPY", "maria@example.test"))
                .build();

        String text = p.toString();
        assertEquals(-1, text.indexOf("Maria"), text);
        assertEquals(-1, text.indexOf("maria@"), text);
        assertEquals(-1, text.indexOf("Via Roma"), text);
        assertEquals(-1, p.buyer().toString().indexOf("Maria"));
    }
}
