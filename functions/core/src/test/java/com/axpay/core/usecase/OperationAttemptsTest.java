package com.axpay.core.usecase;

import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.domain.Verdict;
import com.axpay.core.fakes.Outcomes;
import com.axpay.core.domain.OperationAttempt.Status;
import com.axpay.core.domain.OperationAttempt;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.port.GatewayException.Kind;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.PaymentGateway;
import com.axpay.core.port.PaymentOperationsGateway;
import com.axpay.core.fakes.InMemoryPayments;
import com.axpay.core.fakes.InMemoryRefunds;
import com.axpay.core.fakes.MutableClock;
import com.axpay.core.usecase.OperationRefusedException.Reason;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The attempt model of capture and cancel, and the reconciler's decisions on it, against in-memory ports: every
 * rule in milliseconds. The DynamoDB Local and simulator tests ({@code LostOperationAnswerTest}) are the rungs above.
 */
class OperationAttemptsTest {

    private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(16);
    private static final Duration THRESHOLD = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryPayments payments = new InMemoryPayments();
    private int next;
    private final Axerve axerve = new Axerve();
    private final CapturePayment capture = new CapturePayment(payments, axerve, axerve, clock, LEASE);
    private final CancelPayment cancel = new CancelPayment(payments, axerve, axerve, clock, LEASE);
    private final ReconcileStalePayments reconciler = new ReconcileStalePayments(payments, axerve, clock, THRESHOLD,
            3, 10, LEASE, new RefundPayment(payments, new InMemoryRefunds(payments), axerve, axerve, clock, LEASE));

    @Test
    void aCaptureIsRecordedBeforeTheCallAndSucceedsWithItsAnswer() {
        Payment p = authorized();
        axerve.onCall = () -> assertEquals(Status.IN_FLIGHT, stored(p).operation().status(), "recorded first");

        Payment done = capture.capture(p.paymentId());

        assertEquals(PaymentState.CAPTURED, done.state());
        assertEquals(Status.SUCCEEDED, done.operation().status());
        assertEquals("capture-" + p.version(), done.operation().attemptId());
        assertEquals(1, axerve.calls);
    }

    @Test
    void aLostAnswerLeavesTheAttemptUnknownAndTheRetryableFailure() {
        Payment p = authorized();
        axerve.failNext(new GatewayException(Kind.TIMEOUT, null, true, "read timeout"));

        GatewayException e = assertThrows(GatewayException.class, () -> capture.capture(p.paymentId()));

        assertEquals(Kind.TIMEOUT, e.kind());
        assertEquals(PaymentState.AUTHORIZED, stored(p).state());
        assertEquals(Status.UNKNOWN, stored(p).operation().status());
        assertEquals("TIMEOUT", stored(p).operation().errorCode());
    }

    @Test
    void anotherRequestWhileTheCallIsInFlightIsRefusedWithoutAskingAxerve() {
        Payment p = authorized();
        axerve.onCall = () -> {
            OperationRefusedException second = assertThrows(OperationRefusedException.class,
                    () -> capture.capture(p.paymentId()));
            assertEquals(Reason.OPERATION_IN_PROGRESS, second.reason());
            assertEquals(Reason.OPERATION_IN_PROGRESS, assertThrows(OperationRefusedException.class,
                    () -> cancel.cancel(p.paymentId(), null)).reason());
        };

        capture.capture(p.paymentId());

        assertEquals(1, axerve.calls);
        assertEquals(0, axerve.queries);
    }

    @Test
    void theSameRequestAgainAnswersFromAxerveWhenTheLostCallHappened() {
        Payment p = lostCapture();
        axerve.shows = PaymentState.CAPTURED;

        Payment again = capture.capture(p.paymentId());

        assertEquals(PaymentState.CAPTURED, again.state());
        assertEquals(Status.SUCCEEDED, again.operation().status());
        assertEquals(1, axerve.calls, "never sent twice");
    }

    @Test
    void withinTheLeaseAnAuthorizationSeenAtAxerveProvesNothingAndNothingIsSent() {
        Payment p = lostCapture();
        clock.advance(LEASE.minusSeconds(1));

        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> capture.capture(p.paymentId()));

        assertEquals(Reason.OPERATION_IN_PROGRESS, e.reason());
        assertEquals(Status.UNKNOWN, stored(p).operation().status());
        assertEquals(1, axerve.calls);
    }

    @Test
    void afterTheLeaseAnAuthorizationSeenAtAxerveClearsTheAttemptAndTheRequestIsSentAgain() {
        Payment p = lostCapture();
        clock.advance(LEASE);

        Payment again = capture.capture(p.paymentId());

        assertEquals(PaymentState.CAPTURED, again.state());
        assertEquals(2, axerve.calls, "the first was proven not to have happened");
        assertEquals("capture-" + (p.version() + 1), again.operation().attemptId(), "a new attempt");
    }

    @Test
    void aRefusalClosesTheAttemptAndRefreshesThePayment() {
        Payment p = authorized();
        axerve.failNext(new GatewayException(Kind.DECLINED, "2017", false, "settled already"));
        axerve.shows = PaymentState.CAPTURED; // settled behind our back

        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> cancel.cancel(p.paymentId(), null));

        assertEquals(Reason.ALREADY_CAPTURED, e.reason());
        assertEquals(PaymentState.CAPTURED, stored(p).state());
        assertEquals(Status.FAILED, stored(p).operation().status());
        assertEquals("2017", stored(p).operation().errorCode());
    }

    @Test
    void theReconcilerAppliesWhatAxerveShows() {
        Payment captured = lostCapture();
        Payment canceled = lostCancel();
        axerve.showsFor.put(captured.shopTransactionId(), PaymentState.CAPTURED);
        axerve.showsFor.put(canceled.shopTransactionId(), PaymentState.CANCELED);
        clock.advance(THRESHOLD.plusSeconds(1));

        ReconcileStalePayments.Report r = reconciler.run();

        assertEquals(2, r.resolved(), r.toString());
        assertEquals(PaymentState.CAPTURED, stored(captured).state());
        assertEquals(PaymentState.CANCELED, stored(canceled).state());
        assertEquals(Status.SUCCEEDED, stored(canceled).operation().status());
        assertEquals(2, axerve.calls, "one each, none again");
    }

    @Test
    void theReconcilerClearsAnAttemptAxerveNeverSawAndAStateElsewhereClosesIt() {
        Payment notApplied = lostCapture();
        Payment settledInstead = lostCancel();
        axerve.showsFor.put(settledInstead.shopTransactionId(), PaymentState.CAPTURED);
        clock.advance(THRESHOLD.plusSeconds(1));

        reconciler.run();

        assertEquals(PaymentState.AUTHORIZED, stored(notApplied).state());
        assertEquals(OperationAttempt.NOT_APPLIED, stored(notApplied).operation().errorCode());
        assertEquals(PaymentState.CAPTURED, stored(settledInstead).state());
        assertEquals(Status.FAILED, stored(settledInstead).operation().status());
        assertEquals("CAPTURED", stored(settledInstead).operation().errorCode());
        assertEquals(2, axerve.calls);
    }

    @Test
    void withoutAVerdictTheReconcilerWaitsThenGivesTheAttemptToAPerson() {
        Payment p = lostCapture();
        axerve.queryFailure = () -> new GatewayException(Kind.TRANSPORT, null, true, "HTTP 500");
        Payment notFound = lostCancel();
        axerve.notFound = notFound.shopTransactionId();

        for (int run = 1; run <= 3; run++) {
            clock.advance(THRESHOLD.plusSeconds(1));
            ReconcileStalePayments.Report r = reconciler.run();
            assertEquals(run < 3 ? 2 : 0, r.retryLater(), "run " + run + ": " + r);
        }

        assertEquals(Status.UNKNOWN, stored(p).operation().status(), "no verdict, no guess");
        assertEquals(PaymentState.AUTHORIZED, stored(notFound).state());
        assertEquals(2, payments.countStuck());
        clock.advance(THRESHOLD.plusSeconds(1));
        assertEquals(0, reconciler.run().examined(), "left the sweep");
        assertEquals(2, axerve.calls);
    }

    @Test
    void aReconcilerRunWithinTheLeaseLeavesTheAttemptToItsCallAndCountsNothing() {
        ReconcileStalePayments eager = new ReconcileStalePayments(payments, axerve, clock, Duration.ofSeconds(1), 1,
                10, LEASE, new RefundPayment(payments, new InMemoryRefunds(payments), axerve, axerve, clock, LEASE));
        Payment p = lostCapture();
        clock.advance(Duration.ofSeconds(2));

        assertEquals(0, eager.run().examined());
        assertEquals(0, axerve.queries);
        assertEquals(0, stored(p).operation().checks());
        clock.advance(LEASE);
        assertEquals(1, eager.run().resolved());
        assertEquals(OperationAttempt.NOT_APPLIED, stored(p).operation().errorCode());
    }

    // ---- helpers

    private Payment authorized() {
        next++;
        return payments.put(Payment.builder().paymentId("pay_" + next).orderId("order-" + next)
                .shopTransactionId("stx-" + next).amount(new BigDecimal("10.00")).currency("EUR")
                .state(PaymentState.AUTHORIZED).version(3).createdAt(clock.instant()).updatedAt(clock.instant()).build());
    }

    private Payment stored(Payment p) {
        return payments.findById(p.paymentId()).orElseThrow();
    }

    private Payment lostCapture() {
        Payment p = authorized();
        axerve.failNext(new GatewayException(Kind.TIMEOUT, null, true, "read timeout"));
        assertThrows(GatewayException.class, () -> capture.capture(p.paymentId()));
        return stored(p);
    }

    private Payment lostCancel() {
        Payment p = authorized();
        axerve.failNext(new GatewayException(Kind.TIMEOUT, null, true, "read timeout"));
        assertThrows(GatewayException.class, () -> cancel.cancel(p.paymentId(), null));
        return stored(p);
    }

    /** Axerve as the ports see it: operations that succeed or fail as told, a status query showing a state. */
    private static final class Axerve implements PaymentGateway, PaymentOperationsGateway {
        int calls;
        int queries;
        Runnable onCall = () -> { };
        PaymentState shows = PaymentState.AUTHORIZED;
        final Map<String, PaymentState> showsFor = new HashMap<>();
        Supplier<GatewayException> queryFailure;
        String notFound;
        private final Deque<GatewayException> failures = new ArrayDeque<>();

        void failNext(GatewayException e) {
            failures.add(e);
        }

        private void call() {
            calls++;
            onCall.run();
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
        }

        @Override
        public void capture(String shopTransactionId, String bankTransactionId, BigDecimal amount, String currency) {
            call();
        }

        @Override
        public void cancel(String shopTransactionId, String bankTransactionId, String reason) {
            call();
        }

        @Override
        public GatewayOutcome queryTransaction(String shopTransactionId) {
            queries++;
            if (shopTransactionId.equals(notFound)) {
                throw new GatewayException(Kind.NOT_FOUND, "2011", false, "no such transaction");
            }
            if (queryFailure != null) {
                throw queryFailure.get();
            }
            return axerveShows(showsFor.getOrDefault(shopTransactionId, shows), shopTransactionId);
        }

        /** What the gateway's status query says of a transaction in {@code state}, as a verdict. */
        private static GatewayOutcome axerveShows(PaymentState state, String shopTransactionId) {
            Verdict verdict = switch (state) {
                case CAPTURED -> Verdict.CAPTURED;
                case CANCELED -> Verdict.CANCELED;
                default -> Verdict.AUTHORIZED;
            };
            return Outcomes.of(verdict, shopTransactionId, new BigDecimal("10.00"), "EUR");
        }

        @Override
        public HostedPayment startHostedPayment(HostedPaymentRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public GatewayOutcome decrypt(String shopLogin, String encryptedString) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void refund(String shopTransactionId, String bankTransactionId, BigDecimal amount, String currency,
                           String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BigDecimal refundedTotal(String shopTransactionId) {
            throw new UnsupportedOperationException();
        }
    }
}
