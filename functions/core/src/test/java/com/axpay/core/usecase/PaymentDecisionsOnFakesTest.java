package com.axpay.core.usecase;

import com.axpay.core.domain.DeclineReason;
import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.domain.Verdict;
import com.axpay.core.fakes.InMemoryPayments;
import com.axpay.core.fakes.InMemoryRefunds;
import com.axpay.core.fakes.ScriptedOperations;
import com.axpay.core.fakes.MutableClock;
import com.axpay.core.fakes.Outcomes;
import com.axpay.core.fakes.ScriptedGateway;
import com.axpay.core.fakes.ScriptedGateway.Op;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.GatewayException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A payment's transitions and the reconciler's decisions on in-memory ports, from gateway-neutral verdicts. */
class PaymentDecisionsOnFakesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final BigDecimal AMOUNT = new BigDecimal("25.00");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryPayments payments = new InMemoryPayments();
    private final ScriptedGateway gateway = new ScriptedGateway();

    private Payment stored(String id, PaymentState state) {
        return payments.put(Payment.builder().paymentId(id).orderId("order-" + id).attempt(1)
                .shopTransactionId("stx-" + id).amount(AMOUNT).currency("EUR").state(state).version(1)
                .createdAt(T0).updatedAt(T0).build());
    }

    private GatewayOutcome outcome(Payment p, Verdict v) {
        return Outcomes.of(v, p.shopTransactionId(), AMOUNT, "EUR");
    }

    private GatewayOutcome noQuery() {
        throw new AssertionError("no query expected");
    }

    @ParameterizedTest
    @CsvSource({
            // from, verdict, to
            "REDIRECTED, AUTHORIZED, AUTHORIZED",
            "REDIRECTED, CAPTURED, CAPTURED",
            "REDIRECTED, PENDING, PENDING",
            "REDIRECTED, DECLINED, DECLINED",
            "REDIRECTED, ABANDONED, ABANDONED",
            "REDIRECTED, NOT_FOUND, EXPIRED",
            "PENDING, AUTHORIZED, AUTHORIZED",
            "PENDING, DECLINED, DECLINED",
            "UNKNOWN, CAPTURED, CAPTURED",
            "AUTHORIZED, CAPTURED, CAPTURED",
            "AUTHORIZED, CANCELED, CANCELED",
            "CAPTURED, REFUNDED, REFUNDED",
            // never downgraded, and an answer about the call moves nothing
            "AUTHORIZED, PENDING, AUTHORIZED",
            "CAPTURED, AUTHORIZED, CAPTURED",
            "AUTHORIZED, DECLINED, AUTHORIZED",
            "REDIRECTED, NO_VERDICT, REDIRECTED",
            "PENDING, NO_VERDICT, PENDING",
    })
    void aNotificationsVerdictMovesThePaymentOnlyForward(PaymentState from, Verdict verdict, PaymentState to) {
        Payment p = stored("p1", from);

        Payment after = new ApplyOutcome(payments, clock).notification(p, outcome(p, verdict), this::noQuery);

        assertEquals(to, after.state());
        assertEquals(to, payments.findById("p1").orElseThrow().state());
        assertEquals(from == to ? 0 : 1, payments.writes(), "one write per transition, none otherwise");
    }

    @Test
    void anApprovalOfAFailedPaymentIsBelievedOnlyFromTheQuery() {
        Payment declined = stored("p1", PaymentState.DECLINED);
        gateway.answer(Op.QUERY, declined.shopTransactionId(), outcome(declined, Verdict.CAPTURED));

        Payment after = new ApplyOutcome(payments, clock).notification(declined, outcome(declined,
                Verdict.AUTHORIZED), () -> gateway.queryTransaction(declined.shopTransactionId()));

        assertEquals(PaymentState.CAPTURED, after.state(), "the query's verdict, not the notification's");
        assertNull(after.declineReason());
    }

    @Test
    void aDeclineStoresTheAdaptersReasonAndTheGatewaysCodeAsGiven() {
        Payment p = stored("p1", PaymentState.REDIRECTED);
        GatewayOutcome declined = Outcomes.declined(p.shopTransactionId(), DeclineReason.INVALID_PAYMENT_METHOD,
                com.axpay.core.agreement.DeclineClass.SOFT, "InvalidPaymentMethod");

        Payment after = new ApplyOutcome(payments, clock).notification(p, declined, this::noQuery);

        assertEquals(PaymentState.DECLINED, after.state());
        assertEquals(DeclineReason.INVALID_PAYMENT_METHOD, after.declineReason());
        assertEquals("E-DECLINED", after.errorCode());
        assertEquals(T0, after.resolvedAt());
    }

    @Test
    void aLostWriteIsReadAgainAndDecidedAgainstTheNewerState() {
        Payment p = stored("p1", PaymentState.REDIRECTED);
        // a duplicate notification lands first
        payments.beforeNextUpdate(() -> new ApplyOutcome(payments, clock).notification(
                payments.findById("p1").orElseThrow(), outcome(p, Verdict.AUTHORIZED), this::noQuery));

        Payment after = new ApplyOutcome(payments, clock).notification(p, outcome(p, Verdict.AUTHORIZED),
                this::noQuery);

        assertEquals(PaymentState.AUTHORIZED, after.state());
        assertEquals(2, after.version(), "exactly one transition was written");
        assertEquals(1, payments.writes());
    }

    @Test
    void aPaymentThatKeepsChangingFailsAfterTheBoundInsteadOfLooping() {
        Payment p = stored("p1", PaymentState.REDIRECTED);
        for (int i = 0; i < 10; i++) {
            payments.beforeNextUpdate(() -> payments.touch("p1", T0));
        }

        assertThrows(IllegalStateException.class, () -> new ApplyOutcome(payments, clock)
                .notification(p, outcome(p, Verdict.AUTHORIZED), this::noQuery));
    }

    // ---- the reconciler

    private ReconcileStalePayments reconciler(int maxAttempts) {
        return new ReconcileStalePayments(payments, gateway, clock, Duration.ofMinutes(15), maxAttempts, 10,
                Duration.ofSeconds(16), new RefundPayment(payments, new InMemoryRefunds(payments), gateway,
                new ScriptedOperations(), clock, Duration.ofSeconds(16)));
    }

    @Test
    void theReconcilerLeavesFreshPaymentsAlone() {
        stored("p1", PaymentState.UNKNOWN);
        clock.advance(Duration.ofMinutes(5));

        ReconcileStalePayments.Report r = reconciler(3).run();

        assertEquals(0, r.examined());
        assertTrue(gateway.calls().isEmpty());
    }

    @Test
    void theReconcilerStoresTheQuerysVerdict() {
        Payment p = stored("p1", PaymentState.UNKNOWN);
        clock.advance(Duration.ofMinutes(20));
        gateway.answer(Op.QUERY, p.shopTransactionId(), outcome(p, Verdict.CAPTURED));

        ReconcileStalePayments.Report r = reconciler(3).run();

        assertEquals(1, r.resolved());
        Payment after = payments.findById("p1").orElseThrow();
        assertEquals(PaymentState.CAPTURED, after.state());
        assertEquals(1, after.reconcileAttempts());
    }

    @Test
    void aTransactionTheGatewayNeverSawExpiresWithItsCodeKept() {
        Payment p = stored("p1", PaymentState.REDIRECTED);
        clock.advance(Duration.ofMinutes(20));
        gateway.fail(Op.QUERY, p.shopTransactionId(),
                new GatewayException(Kind.NOT_FOUND, "GW-404", false, "no such transaction"));

        reconciler(3).run();

        Payment after = payments.findById("p1").orElseThrow();
        assertEquals(PaymentState.EXPIRED, after.state());
        assertEquals(DeclineReason.EXPIRED, after.declineReason());
        assertEquals("GW-404", after.errorCode(), "the gateway's code as it gave it");
    }

    @Test
    void withoutAVerdictTheReconcilerRetriesThenGivesUpForAPerson() {
        Payment p = stored("p1", PaymentState.PENDING);
        for (int run = 1; run <= 3; run++) {
            clock.advance(Duration.ofMinutes(20));
            if (run == 2) {
                gateway.fail(Op.QUERY, p.shopTransactionId(), ScriptedGateway.failure(Kind.TIMEOUT, true));
            } else {
                gateway.answer(Op.QUERY, p.shopTransactionId(), outcome(p, run == 1 ? Verdict.PENDING
                        : Verdict.NO_VERDICT));
            }
            reconciler(3).run();
            Payment after = payments.findById("p1").orElseThrow();
            assertEquals(PaymentState.PENDING, after.state());
            assertEquals(run, after.reconcileAttempts());
            assertEquals(run == 3, after.reconcileExhausted(), "gives up after the third attempt");
        }

        clock.advance(Duration.ofMinutes(20));
        assertEquals(0, reconciler(3).run().examined(), "a payment given up on is not asked about again");
        assertFalse(payments.findById("p1").orElseThrow().state().isTerminal());
    }
}
