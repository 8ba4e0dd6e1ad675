package com.axpay.core.usecase;

import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentUpdates;
import com.axpay.core.domain.PaymentUpdates.Apply;
import com.axpay.core.domain.PaymentUpdates.ConfirmWithQuery;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.port.PaymentRepository.Applied;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Writes what a gateway outcome implies with a conditional write, re-reading and re-deciding when another writer got
 * there first. Concurrent duplicates of one outcome therefore produce exactly one transition, and a late or replayed
 * outcome meets the newer state and changes nothing.
 */
public final class ApplyOutcome {

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
        for (int round = 0; round < MAX_ROUNDS; round++) {
            PaymentUpdates.Decision d = PaymentUpdates.fromNotification(current, outcome, clock.instant());
            if (d instanceof ConfirmWithQuery) {
                d = PaymentUpdates.fromQuery(current, query.get(), clock.instant());
            }
            if (!(d instanceof Apply apply)) {
                return current;
            }
            PaymentRepository.WriteResult w =
                    payments.update(apply.next(), current.version(), EnumSet.of(current.state()));
            if (w instanceof Applied applied) {
                return applied.payment();
            }
            current = payments.findById(current.paymentId()).orElseThrow();
        }
        throw new IllegalStateException("payment " + current.paymentId() + " kept changing");
    }
}
