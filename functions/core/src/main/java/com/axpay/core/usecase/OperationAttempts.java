package com.axpay.core.usecase;

import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.domain.OperationAttempt.Kind;
import com.axpay.core.domain.OperationAttempt.Status;
import com.axpay.core.domain.OperationAttempt;
import com.axpay.core.domain.OutcomeMapping;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.domain.PaymentUpdates;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.PaymentGateway;
import com.axpay.core.port.PaymentRepository.Applied;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.usecase.OperationRefusedException.Reason;
import com.axpay.core.validation.Ids;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;

/**
 * The attempt model for capture and cancel ({@link OperationAttempt}): record the attempt with a conditional write,
 * call the gateway, store its answer; an answer lost on the way is left UNKNOWN and {@link #resolve resolved} later
 * from the gateway's view of the transaction (callReadTrxS2S), by a repeat of the same request or by the reconciler.
 * The call is sent again only after that view proved the earlier one did not happen.
 */
final class OperationAttempts {

    /** Each lost round is another writer on the same payment (a notification, a refresh); this bounds a burst. */
    private static final int MAX_ROUNDS = 10;

    /** One merchant operation: its rules before the call, the call itself, and the answer to a refusal. */
    interface Operation {
        Kind kind();

        /** Refuses (throws) when the payment's state does not allow it; returns a payment to answer without a call. */
        Payment before(Payment current);

        void call(Payment claimed);

        /** After the gateway refused and the payment was refreshed from it: the answer (or a refusal, thrown). */
        Payment refused(Payment refreshed, GatewayException e);
    }

    /** What a resolution did to an open attempt. */
    enum Resolution {
        /** The gateway shows the effect: stored, the attempt SUCCEEDED. */
        SUCCEEDED,
        /** The gateway shows it did not (or cannot any more) happen: the attempt FAILED, the payment is free. */
        FAILED,
        /** No proof either way yet: left open. */
        STILL_OPEN,
        /** Another writer changed the payment first. */
        LOST_RACE
    }

    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final GatewayRefresh refresh;
    private final Clock clock;
    private final Duration lease;

    /** @param lease the gateway call's whole budget: an attempt younger than that may still land at the gateway */
    OperationAttempts(PaymentRepository payments, PaymentGateway gateway, Clock clock, Duration lease) {
        this.payments = Objects.requireNonNull(payments);
        this.gateway = Objects.requireNonNull(gateway);
        this.refresh = new GatewayRefresh(payments, gateway, clock);
        this.clock = Objects.requireNonNull(clock);
        this.lease = Objects.requireNonNull(lease);
    }

    Payment load(String paymentId) {
        return (Ids.wellFormed(paymentId) ? payments.findById(paymentId) : java.util.Optional.<Payment>empty())
                .orElseThrow(() -> new OperationRefusedException(Reason.PAYMENT_NOT_FOUND, "No payment has this id."));
    }

    /**
     * Runs {@code op} on the payment at most once: an open attempt of the same kind is resolved first (never sent
     * again without proof), one of another kind or still within its lease is a 409 without a gateway call.
     *
     * @throws GatewayException          the gateway failed; with {@code outcomeUnknown} the attempt stays UNKNOWN
     * @throws OperationRefusedException refused by state, by the gateway, or another operation is in progress
     */
    Payment run(String paymentId, Operation op) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Payment p = load(paymentId);
            if (p.hasOpenOperation()) {
                OperationAttempt a = p.operation();
                if (a.kind() != op.kind()
                        || (a.status() == Status.IN_FLIGHT && a.mayStillLand(clock.instant(), lease))) {
                    throw inProgress(a);
                }
                Resolution r = resolve(p);
                if (r == Resolution.STILL_OPEN) {
                    throw inProgress(a);
                }
                if (r == Resolution.SUCCEEDED) {
                    return load(paymentId); // the lost call did happen: the same answer as if it had come back
                }
                continue; // decide again on the resolved payment
            }
            Payment early = op.before(p);
            if (early != null) {
                return early;
            }
            Instant now = clock.instant();
            Payment claim = p.toBuilder().operation(OperationAttempt.start(op.kind(), p, now)).updatedAt(now).build();
            if (payments.update(claim, p.version(), EnumSet.of(p.state())) instanceof Applied applied) {
                return send(applied.payment(), op);
            }
        }
        throw new IllegalStateException("payment " + paymentId + " kept changing");
    }

    private Payment send(Payment claimed, Operation op) {
        try {
            op.call(claimed);
        } catch (GatewayException e) {
            String code = e.errorCode() == null ? e.kind().name() : e.errorCode();
            if (e.outcomeUnknown()) {
                finish(claimed, Status.UNKNOWN, code, null);
                throw e;
            }
            Payment failed = finish(claimed, Status.FAILED, code, null);
            if (!GatewayRefusals.isRefusal(e)) {
                throw e;
            }
            return op.refused(refresh.refresh(failed), e);
        }
        return finish(claimed, Status.SUCCEEDED, null, op.kind().target());
    }

    /** Stores the attempt's outcome (and the state it produced) unless someone resolved it already. */
    private Payment finish(Payment claimed, Status status, String code, PaymentState target) {
        String attemptId = claimed.operation().attemptId();
        Payment current = claimed;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (!current.hasOpenOperation() || !current.operation().attemptId().equals(attemptId)) {
                return current;
            }
            Instant now = clock.instant();
            Payment.Builder next = current.toBuilder().operation(current.operation().finish(status, code, now))
                    .updatedAt(now);
            if (target != null && current.state().canMoveTo(target)) {
                next.state(target).errorCode(null).errorDescription(null);
            }
            if (payments.update(next.build(), current.version(), EnumSet.of(current.state()))
                    instanceof Applied applied) {
                return applied.payment();
            }
            current = payments.findById(current.paymentId()).orElseThrow();
        }
        throw new IllegalStateException("payment " + claimed.paymentId() + " kept changing");
    }

    /**
     * Resolves the open attempt of {@code p} from the gateway's view of the transaction. Never sends the operation.
     *
     * @throws GatewayException the query failed (no verdict: the caller retries later)
     */
    Resolution resolve(Payment p) {
        OperationAttempt a = p.operation();
        GatewayOutcome seen;
        try {
            seen = gateway.queryTransaction(p.shopTransactionId());
        } catch (GatewayException e) {
            if (e.kind() == GatewayException.Kind.NOT_FOUND) {
                return Resolution.STILL_OPEN; // an authorized payment the gateway cannot find proves nothing
            }
            throw e;
        }
        // The gateway's verdict on the transaction, as a payment state: the one line that reads the gateway's state.
        PaymentState state = OutcomeMapping.nextState(seen).orElse(null);
        Instant now = clock.instant();
        OperationAttempt done;
        if (state == null) {
            return Resolution.STILL_OPEN;
        } else if (happened(a.kind(), state)) {
            done = a.finish(Status.SUCCEEDED, null, now);
        } else if (state == PaymentState.AUTHORIZED) {
            if (a.mayStillLand(now, lease)) {
                return Resolution.STILL_OPEN; // the call may still be on its way: not yet a proof
            }
            done = a.finish(Status.FAILED, OperationAttempt.NOT_APPLIED, now);
        } else {
            done = a.finish(Status.FAILED, state.name(), now); // the payment went elsewhere (e.g. captured, not cancelled)
        }
        Payment base = PaymentUpdates.fromQuery(p, seen, now) instanceof PaymentUpdates.Apply apply ? apply.next() : p;
        Payment next = base.toBuilder().operation(done).updatedAt(now).build();
        return payments.update(next, p.version(), EnumSet.of(p.state())) instanceof Applied
                ? (done.status() == Status.SUCCEEDED ? Resolution.SUCCEEDED : Resolution.FAILED)
                : Resolution.LOST_RACE;
    }

    /** Whether the call that sent the open attempt of {@code p} may still be running (within its lease). */
    boolean mayStillLand(Payment p) {
        return p.operation().mayStillLand(clock.instant(), lease);
    }

    /** Whether a gateway state shows that the operation took effect (a capture later refunded was a capture). */
    private static boolean happened(Kind kind, PaymentState seen) {
        return switch (kind) {
            case CAPTURE -> seen.isPaid() && seen != PaymentState.AUTHORIZED;
            case CANCEL -> seen == PaymentState.CANCELED;
        };
    }

    /**
     * The rule capture and cancel share: only an AUTHORIZED payment may be operated on. A payment past it had its
     * money captured ({@code capturedAdvice} says what that means for this operation); any other is in the wrong state.
     *
     * @param participle "captured" or "cancelled", for the message
     */
    static void requireAuthorized(Payment p, String errorCode, String participle, String capturedAdvice) {
        if (p.state().isPaid() && p.state() != PaymentState.AUTHORIZED) {
            throw new OperationRefusedException(Reason.ALREADY_CAPTURED, errorCode,
                    "The payment is " + p.state() + ": " + capturedAdvice);
        }
        if (p.state() != PaymentState.AUTHORIZED) {
            throw new OperationRefusedException(Reason.INVALID_STATE, errorCode, "The payment is " + p.state()
                    + "; only an authorized payment can be " + participle + ".");
        }
    }

    /** Axerve refused the operation and the refreshed payment does not explain why: its error code is the answer. */
    static OperationRefusedException refusedByAxerve(String verb, GatewayException e) {
        return new OperationRefusedException(Reason.GATEWAY_REFUSED, e.errorCode(),
                "Axerve cannot " + verb + " this payment (error " + e.errorCode() + ").");
    }

    private static OperationRefusedException inProgress(OperationAttempt a) {
        String what = a.kind().name().toLowerCase(java.util.Locale.ROOT);
        return new OperationRefusedException(Reason.OPERATION_IN_PROGRESS, a.status() == Status.IN_FLIGHT
                ? "A " + what + " of this payment is in progress; read the payment, or send the request again shortly."
                : "Axerve's answer to a " + what + " of this payment was lost and Axerve does not show its outcome"
                + " yet; it is reconciled with Axerve and never sent twice. Send the request again shortly.");
    }
}
