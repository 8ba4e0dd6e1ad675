package com.axpay.core.domain;

import com.axpay.core.domain.PaymentUpdates.Apply;
import com.axpay.core.domain.PaymentUpdates.ConfirmWithQuery;
import com.axpay.core.domain.PaymentUpdates.NoChange;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.axpay.core.domain.Fixtures.T0;
import static com.axpay.core.domain.Fixtures.declined;
import static com.axpay.core.domain.Fixtures.outcome;
import static com.axpay.core.domain.Fixtures.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class PaymentUpdatesTest {

    private static final Instant NOW = T0.plusSeconds(30);

    @Test
    void okOnARedirectedPaymentAuthorizesItAndKeepsAxerveIds() {
        Apply a = assertInstanceOf(Apply.class, PaymentUpdates.fromNotification(
                payment(PaymentState.REDIRECTED), outcome(Verdict.AUTHORIZED), NOW));

        assertEquals(PaymentState.AUTHORIZED, a.next().state());
        assertEquals("777", a.next().bankTransactionId());
        assertEquals("AUTH01", a.next().authorizationCode());
        assertEquals(NOW, a.next().updatedAt());
        assertEquals(NOW, a.next().resolvedAt());
        assertNull(a.next().declineReason());
    }

    @Test
    void pendingThenOkConverges() {
        Payment pending = ((Apply) PaymentUpdates.fromNotification(payment(PaymentState.REDIRECTED),
                outcome(Verdict.PENDING), NOW)).next();
        assertEquals(PaymentState.PENDING, pending.state());
        assertNull(pending.resolvedAt());

        Apply ok = assertInstanceOf(Apply.class,
                PaymentUpdates.fromNotification(pending, outcome(Verdict.AUTHORIZED), NOW));
        assertEquals(PaymentState.AUTHORIZED, ok.next().state());
    }

    @Test
    void okThenLateXxKeepsOk() {
        assertInstanceOf(NoChange.class, PaymentUpdates.fromNotification(
                payment(PaymentState.AUTHORIZED), outcome(Verdict.PENDING), NOW));
        assertInstanceOf(NoChange.class, PaymentUpdates.fromNotification(
                payment(PaymentState.AUTHORIZED), outcome(Verdict.DECLINED), NOW));
    }

    @Test
    void duplicateOutcomeChangesNothing() {
        assertInstanceOf(NoChange.class, PaymentUpdates.fromNotification(
                payment(PaymentState.AUTHORIZED), outcome(Verdict.AUTHORIZED), NOW));
    }

    @Test
    void koThenOkNotificationNeedsTheQueryAndTheQueryDecides() {
        Payment declined = payment(PaymentState.DECLINED);

        assertInstanceOf(ConfirmWithQuery.class,
                PaymentUpdates.fromNotification(declined, outcome(Verdict.AUTHORIZED), NOW));
        Apply byQuery = assertInstanceOf(Apply.class,
                PaymentUpdates.fromQuery(declined, outcome(Verdict.CAPTURED), NOW));
        assertEquals(PaymentState.CAPTURED, byQuery.next().state());
        assertNull(byQuery.next().declineReason());
    }

    @Test
    void declineRecordsReasonAndErrorCode() {
        Apply a = assertInstanceOf(Apply.class, PaymentUpdates.fromNotification(
                payment(PaymentState.PENDING), declined(DeclineReason.SHIPPING_ADDRESS_NOT_SET, "E-5"), NOW));

        assertEquals(PaymentState.DECLINED, a.next().state());
        assertEquals("E-5", a.next().errorCode(), "the gateway's code is kept as given");
        assertEquals(DeclineReason.SHIPPING_ADDRESS_NOT_SET, a.next().declineReason());
    }

    @Test
    void systemErrorIsNoVerdict() {
        assertInstanceOf(NoChange.class, PaymentUpdates.fromNotification(
                payment(PaymentState.REDIRECTED), outcome(Verdict.NO_VERDICT), NOW));
    }

    @Test
    void queryShowingCaptureMovesAuthorizedToCaptured() {
        Apply a = assertInstanceOf(Apply.class, PaymentUpdates.fromQuery(
                payment(PaymentState.AUTHORIZED), outcome(Verdict.CAPTURED), NOW));

        assertEquals(PaymentState.CAPTURED, a.next().state());
    }

    @Test
    void queryAddressesAreStoredWithTheTransition() {
        Address ship = new Address("M R", "Via Roma 1", null, "Milano", "20100", "MI", "IT", null);
        GatewayOutcome o = new GatewayOutcome(Verdict.CAPTURED, null, "0", null, "order-1-1", "777", null, null, null,
                new Buyer("Maria Rossi", null), ship, null, null);

        Payment next = ((Apply) PaymentUpdates.fromQuery(payment(PaymentState.REDIRECTED), o, NOW)).next();

        assertEquals(ship, next.shippingAddress());
        assertEquals(NOW, next.addressesReadAt());
        assertEquals("Maria Rossi", next.buyer().name());
    }

    @Test
    void notFoundExpiresOpenPaymentsOnly() {
        Apply a = assertInstanceOf(Apply.class, PaymentUpdates.notFound(payment(PaymentState.UNKNOWN), "E-404", NOW));
        assertEquals(PaymentState.EXPIRED, a.next().state());
        assertEquals(DeclineReason.EXPIRED, a.next().declineReason());
        assertEquals("E-404", a.next().errorCode());

        assertInstanceOf(NoChange.class, PaymentUpdates.notFound(payment(PaymentState.CAPTURED), "E-404", NOW));
    }
}
