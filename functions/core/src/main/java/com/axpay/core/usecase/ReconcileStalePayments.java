package com.axpay.core.usecase;

import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.domain.PaymentUpdates;
import com.axpay.core.domain.PaymentUpdates.Apply;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.PaymentGateway;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.port.PaymentRepository.Applied;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * The scheduled sweep: every open payment untouched for longer than the threshold is asked about with
 * callReadTrxS2S. A verdict is applied with a conditional write; "no such transaction" makes it EXPIRED; no verdict
 * counts an attempt (and, by touching updatedAt, waits another threshold). After {@code maxAttempts} the payment is
 * flagged as exhausted and leaves the sweep: it needs a person.
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

    public ReconcileStalePayments(PaymentRepository payments, PaymentGateway gateway, Clock clock,
                                  Duration threshold, int maxAttempts, int batchSize) {
        if (threshold.isNegative() || threshold.isZero() || maxAttempts < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threshold, maxAttempts and batchSize must be positive");
        }
        this.payments = Objects.requireNonNull(payments);
        this.gateway = Objects.requireNonNull(gateway);
        this.clock = Objects.requireNonNull(clock);
        this.threshold = threshold;
        this.maxAttempts = maxAttempts;
        this.batchSize = batchSize;
    }

    /** Counts for the run's log line and metrics. */
    public record Report(int examined, int resolved, int retryLater, int exhausted, int lostRaces) {
    }

    public Report run() {
        Instant cutoff = clock.instant().minus(threshold);
        int examined = 0, resolved = 0, retry = 0, exhausted = 0, lost = 0;
        for (PaymentState state : SWEPT) {
            for (Payment p : payments.findStale(state, cutoff, batchSize)) {
                examined++;
                switch (reconcile(p)) {
                    case RESOLVED -> resolved++;
                    case RETRY_LATER -> retry++;
                    case EXHAUSTED -> exhausted++;
                    case LOST_RACE -> lost++;
                }
            }
        }
        return new Report(examined, resolved, retry, exhausted, lost);
    }

    private enum Verdict { RESOLVED, RETRY_LATER, EXHAUSTED, LOST_RACE }

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
