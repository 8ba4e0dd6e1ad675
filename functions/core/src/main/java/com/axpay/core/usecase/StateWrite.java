package com.axpay.core.usecase;

import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.port.PaymentRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;

/**
 * Stores the state Axerve confirmed for a merchant operation with a conditional write, re-reading when a
 * notification or the reconciler wrote first: once the payment holds the target (or moved past it), that wins.
 */
final class StateWrite {

    private static final int MAX_ROUNDS = 10;

    private final PaymentRepository payments;
    private final Clock clock;

    StateWrite(PaymentRepository payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    Payment moveTo(Payment current, PaymentState target) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (!current.state().canMoveTo(target)) {
                return current;
            }
            Instant now = clock.instant();
            Payment next = current.toBuilder().state(target).updatedAt(now).errorCode(null).errorDescription(null)
                    .build();
            if (payments.update(next, current.version(), EnumSet.of(current.state()))
                    instanceof PaymentRepository.Applied applied) {
                return applied.payment();
            }
            current = payments.findById(current.paymentId()).orElseThrow();
        }
        throw new IllegalStateException("payment " + current.paymentId() + " kept changing");
    }
}
