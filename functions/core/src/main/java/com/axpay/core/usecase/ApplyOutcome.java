package com.axpay.core.usecase;

import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentUpdates;
import com.axpay.core.domain.PaymentUpdates.Apply;
import com.axpay.core.domain.PaymentUpdates.ConfirmWithQuery;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.port.PaymentRepository.Applied;
import com.axpay.core.usecase.OptimisticUpdate.Pause;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.function.Supplier;

import static com.axpay.core.usecase.OptimisticUpdate.again;
import static com.axpay.core.usecase.OptimisticUpdate.done;

/**
 * Writes what a gateway outcome implies with a conditional write, re-reading and re-deciding when another writer got
 * there first. Concurrent duplicates of one outcome therefore produce exactly one transition, and a late or replayed
 * outcome meets the newer state and changes nothing.
 */
public final class ApplyOutcome {

    /** A lost round means another outcome of this payment was written; a few concurrent ones at most. */
    private static final int MAX_ROUNDS = 5;

    private final PaymentRepository payments;
    private final Clock clock;

    public ApplyOutcome(PaymentRepository payments, Clock clock) {
        this.payments = Objects.requireNonNull(payments);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Applies a decrypted notification.
     *
     * @param query asked only when the notification would turn a failed payment into a paid one (Axerve's query
     *              decides that)
     * @return the payment as stored afterwards
     */
    public Payment notification(Payment current, GatewayOutcome outcome, Supplier<GatewayOutcome> query) {
        return OptimisticUpdate.run(MAX_ROUNDS, Pause.NONE, current, p -> {
            PaymentUpdates.Decision d = PaymentUpdates.fromNotification(p, outcome, clock.instant());
            if (d instanceof ConfirmWithQuery) {
                d = PaymentUpdates.fromQuery(p, query.get(), clock.instant());
            }
            if (!(d instanceof Apply apply)) {
                return done(p);
            }
            if (payments.update(apply.next(), p.version(), EnumSet.of(p.state())) instanceof Applied applied) {
                return done(applied.payment());
            }
            return again(payments.findById(p.paymentId()).orElseThrow());
        }, p -> {
            throw new IllegalStateException("payment " + p.paymentId() + " kept changing");
        });
    }
}
