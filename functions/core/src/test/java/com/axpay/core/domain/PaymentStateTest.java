package com.axpay.core.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;

import static com.axpay.core.domain.PaymentState.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaymentStateTest {

    @ParameterizedTest
    @EnumSource(PaymentState.class)
    void noTerminalStateEverReturnsToAnOpenState(PaymentState from) {
        if (from.isTerminal()) {
            for (PaymentState open : EnumSet.of(CREATED, REDIRECTED, PENDING, UNKNOWN)) {
                assertFalse(from.canMoveTo(open), from + " -> " + open);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PaymentState.class)
    void noStateMovesToItself(PaymentState s) {
        assertFalse(s.canMoveTo(s));
    }

    @Test
    void openStatesAreExactlyTheOnesTheReconcilerSweeps() {
        assertEquals(EnumSet.of(CREATED, REDIRECTED, PENDING, UNKNOWN),
                EnumSet.copyOf(java.util.Arrays.stream(values()).filter(PaymentState::isOpen).toList()));
    }

    @Test
    void pendingConvergesToEitherVerdict() {
        assertTrue(PENDING.canMoveTo(AUTHORIZED));
        assertTrue(PENDING.canMoveTo(CAPTURED));
        assertTrue(PENDING.canMoveTo(DECLINED));
        assertTrue(PENDING.canMoveTo(ABANDONED));
    }

    @Test
    void paidIsNeverDowngradedToPendingOrDeclined() {
        for (PaymentState paid : EnumSet.of(AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED)) {
            assertFalse(paid.canMoveTo(PENDING), paid + " -> PENDING");
            assertFalse(paid.canMoveTo(DECLINED), paid + " -> DECLINED");
            assertFalse(paid.canMoveTo(ABANDONED), paid + " -> ABANDONED");
            assertFalse(paid.canMoveTo(EXPIRED), paid + " -> EXPIRED");
        }
    }

    @Test
    void moneyMovingCorrectionsAreAllowedFromFailedStates() {
        for (PaymentState failed : EnumSet.of(DECLINED, ABANDONED, EXPIRED)) {
            assertTrue(failed.canMoveTo(AUTHORIZED));
            assertTrue(failed.canMoveTo(CAPTURED));
            assertFalse(failed.canMoveTo(DECLINED == failed ? ABANDONED : DECLINED));
        }
    }

    @Test
    void merchantOperationsFollowTheMoney() {
        assertTrue(AUTHORIZED.canMoveTo(CAPTURED));
        assertTrue(AUTHORIZED.canMoveTo(CANCELED));
        assertTrue(CAPTURED.canMoveTo(PARTIALLY_REFUNDED));
        assertTrue(PARTIALLY_REFUNDED.canMoveTo(REFUNDED));
        assertFalse(CAPTURED.canMoveTo(CANCELED));
        assertFalse(REFUNDED.canMoveTo(CAPTURED));
        assertFalse(CANCELED.canMoveTo(AUTHORIZED));
    }

    @Test
    void sourcesOfATargetAreTheExpectedStatesOfItsConditionalWrite() {
        assertEquals(EnumSet.of(CREATED, REDIRECTED, UNKNOWN), sourcesOf(PENDING));
        assertEquals(EnumSet.of(CREATED, REDIRECTED, PENDING, UNKNOWN), sourcesOf(EXPIRED));
        assertEquals(EnumSet.of(CREATED, UNKNOWN), sourcesOf(REDIRECTED));
    }

    @Test
    void failedAndPaidAreDisjointAndTerminal() {
        for (PaymentState s : values()) {
            assertFalse(s.isPaid() && s.isFailed(), s.name());
            if (s.isPaid() || s.isFailed()) {
                assertTrue(s.isTerminal(), s.name());
            }
        }
    }
}
