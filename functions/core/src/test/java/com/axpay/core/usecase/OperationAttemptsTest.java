package com.axpay.core.usecase;

import com.axpay.core.domain.Address;
import com.axpay.core.domain.Buyer;
import com.axpay.core.domain.DomainEvent;
import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.domain.Verdict;
import com.axpay.core.fakes.Outcomes;
import com.axpay.core.domain.OperationAttempt.Status;
import com.axpay.core.domain.OperationAttempt;
import com.axpay.core.domain.OrderClaim;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.domain.Refund;
import com.axpay.core.port.GatewayException.Kind;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.PaymentGateway;
import com.axpay.core.port.PaymentOperationsGateway;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.port.RefundRepository;
import com.axpay.core.usecase.OperationRefusedException.Reason;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    private final MovableClock clock = new MovableClock();
    private final Payments payments = new Payments();
    private final Axerve axerve = new Axerve();
    private final CapturePayment capture = new CapturePayment(payments, axerve, axerve, clock, LEASE);
    private final CancelPayment cancel = new CancelPayment(payments, axerve, axerve, clock, LEASE);
    private final ReconcileStalePayments reconciler = new ReconcileStalePayments(payments, axerve, clock, THRESHOLD,
            3, 10, LEASE, new RefundPayment(payments, new NoRefunds(), axerve, axerve, clock, LEASE));

    @Test
    void aCaptureIsRecordedBeforeTheCallAndSucceedsWithItsAnswer() {
        Payment p = payments.authorized();
        axerve.onCall = () -> assertEquals(Status.IN_FLIGHT, payments.get(p).operation().status(), "recorded first");

        Payment done = capture.capture(p.paymentId());

        assertEquals(PaymentState.CAPTURED, done.state());
        assertEquals(Status.SUCCEEDED, done.operation().status());
        assertEquals("capture-" + p.version(), done.operation().attemptId());
        assertEquals(1, axerve.calls);
    }

    @Test
    void aLostAnswerLeavesTheAttemptUnknownAndTheRetryableFailure() {
        Payment p = payments.authorized();
        axerve.failNext(new GatewayException(Kind.TIMEOUT, null, true, "read timeout"));

        GatewayException e = assertThrows(GatewayException.class, () -> capture.capture(p.paymentId()));

        assertEquals(Kind.TIMEOUT, e.kind());
        assertEquals(PaymentState.AUTHORIZED, payments.get(p).state());
        assertEquals(Status.UNKNOWN, payments.get(p).operation().status());
        assertEquals("TIMEOUT", payments.get(p).operation().errorCode());
    }

    @Test
    void anotherRequestWhileTheCallIsInFlightIsRefusedWithoutAskingAxerve() {
        Payment p = payments.authorized();
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
        assertEquals(Status.UNKNOWN, payments.get(p).operation().status());
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
        Payment p = payments.authorized();
        axerve.failNext(new GatewayException(Kind.DECLINED, "2017", false, "settled already"));
        axerve.shows = PaymentState.CAPTURED; // settled behind our back

        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> cancel.cancel(p.paymentId(), null));

        assertEquals(Reason.ALREADY_CAPTURED, e.reason());
        assertEquals(PaymentState.CAPTURED, payments.get(p).state());
        assertEquals(Status.FAILED, payments.get(p).operation().status());
        assertEquals("2017", payments.get(p).operation().errorCode());
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
        assertEquals(PaymentState.CAPTURED, payments.get(captured).state());
        assertEquals(PaymentState.CANCELED, payments.get(canceled).state());
        assertEquals(Status.SUCCEEDED, payments.get(canceled).operation().status());
        assertEquals(2, axerve.calls, "one each, none again");
    }

    @Test
    void theReconcilerClearsAnAttemptAxerveNeverSawAndAStateElsewhereClosesIt() {
        Payment notApplied = lostCapture();
        Payment settledInstead = lostCancel();
        axerve.showsFor.put(settledInstead.shopTransactionId(), PaymentState.CAPTURED);
        clock.advance(THRESHOLD.plusSeconds(1));

        reconciler.run();

        assertEquals(PaymentState.AUTHORIZED, payments.get(notApplied).state());
        assertEquals(OperationAttempt.NOT_APPLIED, payments.get(notApplied).operation().errorCode());
        assertEquals(PaymentState.CAPTURED, payments.get(settledInstead).state());
        assertEquals(Status.FAILED, payments.get(settledInstead).operation().status());
        assertEquals("CAPTURED", payments.get(settledInstead).operation().errorCode());
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

        assertEquals(Status.UNKNOWN, payments.get(p).operation().status(), "no verdict, no guess");
        assertEquals(PaymentState.AUTHORIZED, payments.get(notFound).state());
        assertEquals(2, payments.countStuck());
        clock.advance(THRESHOLD.plusSeconds(1));
        assertEquals(0, reconciler.run().examined(), "left the sweep");
        assertEquals(2, axerve.calls);
    }

    @Test
    void aReconcilerRunWithinTheLeaseLeavesTheAttemptToItsCallAndCountsNothing() {
        ReconcileStalePayments eager = new ReconcileStalePayments(payments, axerve, clock, Duration.ofSeconds(1), 1,
                10, LEASE, new RefundPayment(payments, new NoRefunds(), axerve, axerve, clock, LEASE));
        Payment p = lostCapture();
        clock.advance(Duration.ofSeconds(2));

        assertEquals(0, eager.run().examined());
        assertEquals(0, axerve.queries);
        assertEquals(0, payments.get(p).operation().checks());
        clock.advance(LEASE);
        assertEquals(1, eager.run().resolved());
        assertEquals(OperationAttempt.NOT_APPLIED, payments.get(p).operation().errorCode());
    }

    // ---- helpers

    private Payment lostCapture() {
        Payment p = payments.authorized();
        axerve.failNext(new GatewayException(Kind.TIMEOUT, null, true, "read timeout"));
        assertThrows(GatewayException.class, () -> capture.capture(p.paymentId()));
        return payments.get(p);
    }

    private Payment lostCancel() {
        Payment p = payments.authorized();
        axerve.failNext(new GatewayException(Kind.TIMEOUT, null, true, "read timeout"));
        assertThrows(GatewayException.class, () -> cancel.cancel(p.paymentId(), null));
        return payments.get(p);
    }

    private final class MovableClock extends Clock {
        private Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Conditional writes on a map, as the port promises them. */
    private final class Payments implements PaymentRepository {
        private final Map<String, Payment> byId = new HashMap<>();
        private int next;

        Payment authorized() {
            next++;
            Payment p = Payment.builder().paymentId("pay_" + next).orderId("order-" + next).shopTransactionId("stx-" + next)
                    .amount(new BigDecimal("10.00")).currency("EUR").state(PaymentState.AUTHORIZED).version(3)
                    .createdAt(clock.instant()).updatedAt(clock.instant()).build();
            byId.put(p.paymentId(), p);
            return p;
        }

        Payment get(Payment p) {
            return byId.get(p.paymentId());
        }

        @Override
        public Optional<Payment> findById(String paymentId) {
            return Optional.ofNullable(byId.get(paymentId));
        }

        @Override
        public WriteResult update(Payment next, long expectedVersion, Set<PaymentState> expectedStates) {
            Payment stored = byId.get(next.paymentId());
            if (stored == null || stored.version() != expectedVersion || !expectedStates.contains(stored.state())) {
                return new Lost(next.paymentId());
            }
            Payment written = next.toBuilder().version(expectedVersion + 1).build();
            byId.put(written.paymentId(), written);
            return new Applied(written);
        }

        @Override
        public List<Payment> findStale(PaymentState state, Instant updatedBefore, int limit) {
            return inBucket(state.name(), updatedBefore, limit);
        }

        @Override
        public List<Payment> findStaleOperations(Instant updatedBefore, int limit) {
            return inBucket(Payment.OPERATION_BUCKET, updatedBefore, limit);
        }

        @Override
        public long countStuck() {
            return byId.values().stream().filter(p -> Payment.STUCK_BUCKET.equals(p.openBucket())).count();
        }

        private List<Payment> inBucket(String bucket, Instant before, int limit) {
            return byId.values().stream().filter(p -> bucket.equals(p.openBucket()))
                    .filter(p -> p.updatedAt().isBefore(before)).limit(limit).toList();
        }

        @Override
        public ClaimResult claim(Payment payment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Payment> findByShopTransactionId(String shopTransactionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<OrderClaim> findOrder(String orderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Payment> enrich(String paymentId, Buyer buyer, Address shipping, Address billing,
                                        Instant readAt) {
            throw new UnsupportedOperationException();
        }
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

    /** No refund is pending: the reconciler's refund step has nothing to do here. */
    private static final class NoRefunds implements RefundRepository {
        @Override
        public List<Refund> findPending(Instant updatedBefore, int limit) {
            return List.of();
        }

        @Override
        public Optional<Refund> find(String paymentId, String refundId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Outcome reserve(Refund refund, Payment payment, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Outcome settle(Refund refund, Payment payment, long expectedVersion, PaymentState expectedState,
                              DomainEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean claimAttempt(Refund claimed) {
            throw new UnsupportedOperationException();
        }
    }
}
