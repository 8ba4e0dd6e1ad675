package com.axpay.core.usecase;

import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.domain.Refund.RefundState;
import com.axpay.core.fakes.InMemoryPayments;
import com.axpay.core.fakes.InMemoryRefunds;
import com.axpay.core.fakes.MutableClock;
import com.axpay.core.fakes.ScriptedGateway;
import com.axpay.core.fakes.ScriptedOperations;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.GatewayException.Kind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refund decisions on in-memory ports: balance, the gateway's refusals, and a lost answer. */
class RefundPaymentOnFakesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryPayments payments = new InMemoryPayments();
    private final InMemoryRefunds refunds = new InMemoryRefunds(payments);
    private final ScriptedOperations operations = new ScriptedOperations();
    private final RefundPayment useCase = new RefundPayment(payments, refunds, new ScriptedGateway(), operations,
            clock, Duration.ofSeconds(30));

    private Payment captured() {
        return payments.put(Payment.builder().paymentId("p1").orderId("order-1").attempt(1).shopTransactionId("stx-1")
                .bankTransactionId("b-1").amount(new BigDecimal("25.00")).currency("EUR")
                .state(PaymentState.CAPTURED).version(1).createdAt(T0).updatedAt(T0).build());
    }

    private Payment stored() {
        return payments.findById("p1").orElseThrow();
    }

    @Test
    void aPartialThenTheRestRefundsTheWholePayment() {
        captured();

        RefundPayment.Result first = useCase.refund(new RefundPayment.Command("p1", "r1", "10.00", "damaged"));
        assertEquals(RefundState.SUCCEEDED, first.refund().state());
        assertEquals(PaymentState.PARTIALLY_REFUNDED, stored().state());

        useCase.refund(new RefundPayment.Command("p1", "r2", "15.00", null));
        assertEquals(PaymentState.REFUNDED, stored().state());
        assertEquals(0, new BigDecimal("25.00").compareTo(stored().refundedAmount()));
        assertEquals(0, stored().refundReserved().signum(), "nothing left reserved");
        assertEquals(2, refunds.events().size(), "one event per refund");
    }

    @Test
    void aRefundOverWhatIsLeftIsRefusedWithoutAskingTheGateway() {
        captured();
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> useCase.refund(new RefundPayment.Command("p1", "r1", "25.01", null)));

        assertEquals(OperationRefusedException.Reason.EXCEEDS_BALANCE, e.reason());
        assertEquals(0, operations.refundsSent());
    }

    @Test
    void theGatewaysInsufficientBalanceIsAnExceedsBalanceAnswerAndReleasesTheReservation() {
        captured();
        operations.failNext(new GatewayException(Kind.INVALID_REQUEST, "GW-17", false,
                GatewayException.Refusal.INSUFFICIENT_BALANCE, "balance", null));

        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> useCase.refund(new RefundPayment.Command("p1", "r1", "10.00", null)));

        assertEquals(OperationRefusedException.Reason.EXCEEDS_BALANCE, e.reason());
        assertEquals(RefundState.FAILED, refunds.find("p1", "r1").orElseThrow().state());
        assertEquals("GW-17", refunds.find("p1", "r1").orElseThrow().errorCode(), "the gateway's code as given");
        assertEquals(0, stored().refundReserved().signum());
        assertEquals(PaymentState.CAPTURED, stored().state());
    }

    @Test
    void anyOtherRefusalIsTheGatewaysRefusal() {
        captured();
        operations.failNext(new GatewayException(Kind.INVALID_REQUEST, "GW-16", false, "refused"));

        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> useCase.refund(new RefundPayment.Command("p1", "r1", "10.00", null)));

        assertEquals(OperationRefusedException.Reason.GATEWAY_REFUSED, e.reason());
    }

    @Test
    void aLostAnswerKeepsTheAmountReservedAndARepeatSettlesItFromTheGatewaysBalance() {
        captured();
        operations.failNext(new GatewayException(Kind.TIMEOUT, null, true, "no answer"));
        RefundPayment.Command command = new RefundPayment.Command("p1", "r1", "10.00", null);

        assertThrows(GatewayException.class, () -> useCase.refund(command));
        assertEquals(RefundState.PENDING, refunds.find("p1", "r1").orElseThrow().state());
        assertEquals(0, new BigDecimal("10.00").compareTo(stored().refundReserved()));
        // the reservation holds: a second refund cannot take the reserved money
        assertThrows(OperationRefusedException.class,
                () -> useCase.refund(new RefundPayment.Command("p1", "r2", "15.01", null)));

        // within the lease the repeat answers with the pending refund, sending nothing
        assertEquals(RefundState.PENDING, useCase.refund(command).refund().state());
        assertEquals(1, operations.refundsSent());

        clock.advance(Duration.ofSeconds(31));
        operations.refundedTotalIs(new BigDecimal("10.00")); // the lost call did happen
        RefundPayment.Result r = useCase.refund(command);

        assertEquals(RefundState.SUCCEEDED, r.refund().state());
        assertEquals(1, operations.refundsSent(), "never sent twice");
        assertEquals(PaymentState.PARTIALLY_REFUNDED, stored().state());
        assertFalse(r.created());
    }

    @Test
    void aLostCallTheGatewayNeverGotIsSentAgainUnderTheSameRefund() {
        captured();
        operations.failNext(new GatewayException(Kind.TIMEOUT, null, true, "no answer"));
        RefundPayment.Command command = new RefundPayment.Command("p1", "r1", "10.00", null);
        assertThrows(GatewayException.class, () -> useCase.refund(command));

        clock.advance(Duration.ofSeconds(31));
        RefundPayment.Result r = useCase.refund(command); // the gateway's balance still shows nothing refunded

        assertEquals(RefundState.SUCCEEDED, r.refund().state());
        assertEquals(2, operations.refundsSent());
        assertEquals(2, refunds.find("p1", "r1").orElseThrow().attempts());
        assertTrue(stored().refundReserved().signum() == 0);
    }
}
