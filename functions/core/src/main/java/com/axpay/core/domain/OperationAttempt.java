package com.axpay.core.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * One gateway side effect on a payment whose outcome is stored only after the call: recorded with a conditional
 * write BEFORE the call ({@link Status#IN_FLIGHT}), moved to {@link Status#SUCCEEDED} or {@link Status#FAILED} by the
 * answer, or left {@link Status#UNKNOWN} when the answer was lost. An open attempt blocks every other operation on the
 * payment, and is resolved only from the gateway's own view of the transaction (the reconciler, or a repeat of the
 * same request): the call is never sent again unless that view proves it did not happen.
 *
 * @param attemptId deterministic: the kind and the payment version it was claimed on, so two concurrent requests
 *                  compute the same id and only one conditional write wins
 * @param updatedAt the last change (claim, answer, or a reconciler check without a verdict)
 * @param checks    how many times the reconciler asked the gateway about it without a verdict
 * @param exhausted the reconciler gave up (checks used up): the attempt needs a person
 * @param errorCode why it FAILED: the gateway's code, or {@link #NOT_APPLIED} when the gateway showed it never happened
 */
public record OperationAttempt(Kind kind, String attemptId, Status status, Instant startedAt, Instant updatedAt,
                               int checks, boolean exhausted, String errorCode) {

    /** errorCode of an attempt the gateway's view proved never took effect (it was cleared for a new request). */
    public static final String NOT_APPLIED = "NOT_APPLIED";

    /** The side effects that use this model today (start, refund and charge keep their own records for now). */
    public enum Kind {
        CAPTURE(PaymentState.CAPTURED), CANCEL(PaymentState.CANCELED);

        private final PaymentState target;

        Kind(PaymentState target) {
            this.target = target;
        }

        /** The payment state the side effect produces when it happens. */
        public PaymentState target() {
            return target;
        }
    }

    /** Where an attempt is. IN_FLIGHT and UNKNOWN are open. */
    public enum Status { IN_FLIGHT, UNKNOWN, SUCCEEDED, FAILED }

    public OperationAttempt {
        Required.components("kind", kind, "attemptId", attemptId, "status", status, "startedAt", startedAt,
                "updatedAt", updatedAt);
    }

    /** A new attempt, recorded before the call. */
    public static OperationAttempt start(Kind kind, Payment on, Instant now) {
        return new OperationAttempt(kind, kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + on.version(),
                Status.IN_FLIGHT, now, now, 0, false, null);
    }

    public boolean isOpen() {
        return status == Status.IN_FLIGHT || status == Status.UNKNOWN;
    }

    /**
     * Whether the call that sent it may still be running: within {@code lease} (the gateway call's whole budget) of
     * its start. Until then, a gateway view without the effect does not prove the effect will not happen.
     */
    public boolean mayStillLand(Instant now, Duration lease) {
        return startedAt.plus(lease).isAfter(now);
    }

    public OperationAttempt finish(Status next, String code, Instant now) {
        return new OperationAttempt(kind, attemptId, next, startedAt, now, checks, false, code);
    }

    /** A reconciler check without a verdict; {@code giveUp} after the last allowed one. */
    public OperationAttempt checked(Instant now, boolean giveUp) {
        return new OperationAttempt(kind, attemptId, status, startedAt, now, checks + 1, giveUp, errorCode);
    }
}
