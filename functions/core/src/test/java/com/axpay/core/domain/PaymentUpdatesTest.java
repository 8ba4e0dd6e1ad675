package com.axpay.core.domain;

import com.axpay.core.domain.GatewayOutcome.Result;
import com.axpay.core.domain.PaymentUpdates.Apply;
import com.axpay.core.domain.PaymentUpdates.ConfirmWithQuery;
import com.axpay.core.domain.PaymentUpdates.NoChange;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.axpay.core.domain.Fixtures.T0;
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
                payment(PaymentState.REDIRECTED), outcome(Result.OK, "0", null), NOW));

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
                outcome(Result.XX, "0", null), NOW)).next();
        assertEquals(PaymentState.PENDING, pending.state());
        assertNull(pending.resolvedAt());

        Apply ok = assertInstanceOf(Apply.class,
                PaymentUpdates.fromNotification(pending, outcome(Result.OK, "0", null), NOW));
        assertEquals(PaymentState.AUTHORIZED, ok.next().state());
    }

    @Test
    void okThenLateXxKeepsOk() {
        assertInstanceOf(NoChange.class, PaymentUpdates.fromNotification(
                payment(PaymentState.AUTHORIZED), outcome(Result.XX, "0", null), NOW));
        assertInstanceOf(NoChange.class, PaymentUpdates.fromNotification(
                payment(PaymentState.AUTHORIZED), outcome(Result.KO, "74", null), NOW));
    }

    @Test
    void duplicateOutcomeChangesNothing() {
        assertInstanceOf(NoChange.class, PaymentUpdates.fromNotification(
                payment(PaymentState.AUTHORIZED), outcome(Result.OK, "0", null), NOW));
    }

    @Test
    void koThenOkNotificationNeedsTheQueryAndTheQueryDecides() {
        Payment declined = payment(PaymentState.DECLINED);

        assertInstanceOf(ConfirmWithQuery.class,
                PaymentUpdates.fromNotification(declined, outcome(Result.OK, "0", null), NOW));
        Apply byQuery = assertInstanceOf(Apply.class,
                PaymentUpdates.fromQuery(declined, outcome(Result.OK, "0", "MOV"), NOW));
        assertEquals(PaymentState.CAPTURED, byQuery.next().state());
        assertNull(byQuery.next().declineReason());
    }

    @Test
    void declineRecordsReasonAndErrorCode() {
        Apply a = assertInstanceOf(Apply.class, PaymentUpdates.fromNotification(
                payment(PaymentState.PENDING), outcome(Result.KO, "5003", null), NOW));

        assertEquals(PaymentState.DECLINED, a.next().state());
        assertEquals("5003", a.next().errorCode());
        assertEquals(DeclineReason.SHIPPING_ADDRESS_NOT_SET, a.next().declineReason());
    }

    @Test
    void systemErrorIsNoVerdict() {
        assertInstanceOf(NoChange.class, PaymentUpdates.fromNotification(
                payment(PaymentState.REDIRECTED), outcome(Result.KO, "9999", null), NOW));
    }

    @Test
    void queryShowingCaptureMovesAuthorizedToCaptured() {
        Apply a = assertInstanceOf(Apply.class, PaymentUpdates.fromQuery(
                payment(PaymentState.AUTHORIZED), outcome(Result.OK, "0", "MOV"), NOW));

        assertEquals(PaymentState.CAPTURED, a.next().state());
    }

    @Test
    void queryAddressesAreStoredWithTheTransition() {
        Address ship = new Address("M R", "Via Roma 1", null, "Milano", "20100", "MI", "IT", null);
        GatewayOutcome o = new GatewayOutcome(Result.OK, "0", null, "MOV", "order-1-1", "777", null, null, null,
                new Buyer("Maria Rossi", null), ship, null, null, null);

        Payment next = ((Apply) PaymentUpdates.fromQuery(payment(PaymentState.REDIRECTED), o, NOW)).next();

        assertEquals(ship, next.shippingAddress());
        assertEquals(NOW, next.addressesReadAt());
        assertEquals("Maria Rossi", next.buyer().name());
    }

    @Test
    void notFoundExpiresOpenPaymentsOnly() {
        Apply a = assertInstanceOf(Apply.class, PaymentUpdates.notFound(payment(PaymentState.UNKNOWN), NOW));
        assertEquals(PaymentState.EXPIRED, a.next().state());
        assertEquals(DeclineReason.EXPIRED, a.next().declineReason());

        assertInstanceOf(NoChange.class, PaymentUpdates.notFound(payment(PaymentState.CAPTURED), NOW));
    }
}
