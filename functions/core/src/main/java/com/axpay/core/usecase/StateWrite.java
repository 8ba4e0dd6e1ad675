package com.axpay.core.usecase;

import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.usecase.OptimisticUpdate.Pause;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;

import static com.axpay.core.usecase.OptimisticUpdate.again;
import static com.axpay.core.usecase.OptimisticUpdate.done;

/**
 * Stores the state Axerve confirmed for a merchant operation with a conditional write, re-reading when a
 * notification or the reconciler wrote first: once the payment holds the target (or moved past it), that wins.
 */
final class StateWrite {

    /** Higher than the others: a merchant operation races notifications, the reconciler and its own repeats. */
    private static final int MAX_ROUNDS = 10;

    private final PaymentRepository payments;
    private final Clock clock;

    StateWrite(PaymentRepository payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    Payment moveTo(Payment current, PaymentState target) {
        return OptimisticUpdate.run(MAX_ROUNDS, Pause.NONE, current, p -> {
            if (!p.state().canMoveTo(target)) {
                return done(p);
            }
            Instant now = clock.instant();
            Payment next = p.toBuilder().state(target).updatedAt(now).errorCode(null).errorDescription(null).build();
            if (payments.update(next, p.version(), EnumSet.of(p.state())) instanceof PaymentRepository.Applied applied) {
                return done(applied.payment());
            }
            return again(payments.findById(p.paymentId()).orElseThrow());
        }, p -> {
            throw new IllegalStateException("payment " + p.paymentId() + " kept changing");
        });
    }
}
