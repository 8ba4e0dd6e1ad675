package com.axpay.core.usecase;

import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.domain.PaymentUpdates.Apply;
import com.axpay.core.domain.PaymentUpdates;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.PaymentGateway;
import com.axpay.core.port.PaymentRepository.Applied;
import com.axpay.core.port.PaymentRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scheduled sweep: every open payment untouched for longer than the threshold is asked about with
 * callReadTrxS2S. A verdict is applied with a conditional write; "no such transaction" makes it EXPIRED; no verdict
 * counts an attempt (and, by touching updatedAt, waits another threshold). After {@code maxAttempts} the payment is
 * flagged as exhausted and leaves the sweep: it needs a person.
 *
 * <p>Capture and cancel attempts whose outcome is open past the threshold are resolved the same way
 * ({@link OperationAttempts#resolve}): applied when Axerve shows the effect, cleared when Axerve shows the payment
 * still authorized after the call's lease (the merchant may send it again), left for the next run otherwise. The
 * reconciler never sends a capture or cancel itself.
 *
 * <p>Refunds whose answer was lost and that nobody asked about again are settled last
 * ({@link RefundPayment#reconcilePending}), so one run covers every side effect of a payment.
 */
public final class ReconcileStalePayments {

    private static final List<PaymentState> SWEPT =
            List.of(PaymentState.CREATED, PaymentState.REDIRECTED, PaymentState.PENDING, PaymentState.UNKNOWN);

    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final Clock clock;
    private final Duration threshold;
    private final int maxAttempts;
    private final int batchSize;
    private final OperationAttempts attempts;
    private final RefundPayment refunds;

    /**
     * @param operationLease the Axerve call's whole budget: a capture or cancel younger than that may still land
     * @param refunds        settles the pending refunds of the run (at most {@code batchSize / 2})
     */
    public ReconcileStalePayments(PaymentRepository payments, PaymentGateway gateway, Clock clock,
                                  Duration threshold, int maxAttempts, int batchSize, Duration operationLease,
                                  RefundPayment refunds) {
        if (threshold.isNegative() || threshold.isZero() || maxAttempts < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threshold, maxAttempts and batchSize must be positive");
        }
        this.payments = Objects.requireNonNull(payments);
        this.gateway = Objects.requireNonNull(gateway);
        this.clock = Objects.requireNonNull(clock);
        this.threshold = threshold;
        this.maxAttempts = maxAttempts;
        this.batchSize = batchSize;
        this.attempts = new OperationAttempts(payments, gateway, clock, operationLease);
        this.refunds = Objects.requireNonNull(refunds);
    }

    /**
     * Counts for the run's log line and metrics: payments and open operations together in the first five;
     * {@code refundsSettled} pending refunds no longer pending; {@code stuck} every payment the reconciler gave up on
     * so far (they need a person).
     */
    public record Report(int examined, int resolved, int retryLater, int exhausted, int lostRaces,
                         int refundsSettled, long stuck) {
    }

    public Report run() {
        Instant cutoff = clock.instant().minus(threshold);
        int examined = 0;
        Map<Verdict, Integer> tally = new EnumMap<>(Verdict.class);
        for (PaymentState state : SWEPT) {
            for (Payment p : payments.findStale(state, cutoff, batchSize)) {
                examined++;
                tally.merge(reconcile(p), 1, Integer::sum);
            }
        }
        for (Payment p : payments.findStaleOperations(cutoff, batchSize)) {
            if (attempts.mayStillLand(p)) {
                continue; // a threshold shorter than the call's lease: the call may be running, not a check
            }
            examined++;
            tally.merge(reconcileOperation(p), 1, Integer::sum);
        }
        int refundsSettled = refunds.reconcilePending(Math.max(1, batchSize / 2));
        return new Report(examined, tally.getOrDefault(Verdict.RESOLVED, 0), tally.getOrDefault(Verdict.RETRY_LATER, 0),
                tally.getOrDefault(Verdict.EXHAUSTED, 0), tally.getOrDefault(Verdict.LOST_RACE, 0), refundsSettled,
                payments.countStuck());
    }

    private enum Verdict { RESOLVED, RETRY_LATER, EXHAUSTED, LOST_RACE }

    private Verdict reconcileOperation(Payment p) {
        OperationAttempts.Resolution r;
        try {
            r = attempts.resolve(p);
        } catch (GatewayException e) {
            r = OperationAttempts.Resolution.STILL_OPEN; // no verdict: counted, asked again next run
        }
        switch (r) {
            case SUCCEEDED, FAILED -> {
                return Verdict.RESOLVED;
            }
            case LOST_RACE -> {
                return Verdict.LOST_RACE;
            }
            default -> {
                Instant now = clock.instant();
                boolean giveUp = p.operation().checks() + 1 >= maxAttempts;
                Payment next = p.toBuilder().operation(p.operation().checked(now, giveUp)).updatedAt(now).build();
                if (!(payments.update(next, p.version(), EnumSet.of(p.state())) instanceof Applied)) {
                    return Verdict.LOST_RACE;
                }
                return giveUp ? Verdict.EXHAUSTED : Verdict.RETRY_LATER;
            }
        }
    }

    private Verdict reconcile(Payment p) {
        Instant now = clock.instant();
        PaymentUpdates.Decision d;
        try {
            d = PaymentUpdates.fromQuery(p, gateway.queryTransaction(p.shopTransactionId()), now);
        } catch (GatewayException e) {
            d = e.kind() == GatewayException.Kind.NOT_FOUND ? PaymentUpdates.notFound(p, e.errorCode(), now) : null;
        }
        Payment next;
        Verdict verdict;
        if (d instanceof Apply apply) {
            next = apply.next().toBuilder().reconcileAttempts(p.reconcileAttempts() + 1).build();
            verdict = next.state().isTerminal() ? Verdict.RESOLVED : Verdict.RETRY_LATER;
        } else {
            int attempts = p.reconcileAttempts() + 1;
            boolean giveUp = attempts >= maxAttempts;
            next = p.toBuilder().reconcileAttempts(attempts).reconcileExhausted(giveUp).updatedAt(now).build();
            verdict = giveUp ? Verdict.EXHAUSTED : Verdict.RETRY_LATER;
        }
        PaymentRepository.WriteResult w = payments.update(next, p.version(), EnumSet.of(p.state()));
        return w instanceof Applied ? verdict : Verdict.LOST_RACE;
    }
}
