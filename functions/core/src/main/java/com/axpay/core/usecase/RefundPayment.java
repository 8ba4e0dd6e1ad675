package com.axpay.core.usecase;

import com.axpay.core.domain.Amounts;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentEvents;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.domain.Refund.RefundState;
import com.axpay.core.domain.Refund;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.PaymentGateway;
import com.axpay.core.port.PaymentOperationsGateway;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.port.RefundRepository.Outcome;
import com.axpay.core.port.RefundRepository;
import com.axpay.core.usecase.OperationRefusedException.Reason;
import com.axpay.core.usecase.OptimisticUpdate.Pause;
import com.axpay.core.validation.AmountField;
import com.axpay.core.validation.Ids;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import static com.axpay.core.usecase.OptimisticUpdate.again;
import static com.axpay.core.usecase.OptimisticUpdate.done;

/**
 * POST /payments/{paymentId}/refunds. The refund record is claimed and its amount reserved on the payment in one
 * conditional write BEFORE Axerve is asked, so concurrent refunds can never exceed the captured amount: a refund over
 * what is left is refused without calling Axerve. The refundId is the idempotency key: the same key answers with the
 * same refund. When Axerve's answer was lost, a repeat of the same request reads Axerve's refunded balance
 * (callReadTrxS2S) and either records the refund as done or sends it again; it is never sent under a new id.
 */
public final class RefundPayment {

    /** Axerve's refundReason limit. */
    private static final int MAX_REASON = 50;
    /**
     * Each lost round means another refund or notification of this payment was written: far more rounds than the
     * other use cases, with jittered pauses, because a merchant may send a burst of concurrent refunds on one payment.
     */
    private static final int MAX_ROUNDS = 40;

    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final PaymentOperationsGateway operations;
    private final GatewayRefresh refresh;
    private final Clock clock;
    private final Duration inFlightLease;

    /**
     * @param inFlightLease how long a PENDING refund is left to the call that sent it (at least the gateway's call
     *                      timeout) before a repeat reconciles it with Axerve
     */
    public RefundPayment(PaymentRepository payments, RefundRepository refunds, PaymentGateway gateway,
                         PaymentOperationsGateway operations, Clock clock, Duration inFlightLease) {
        this.payments = Objects.requireNonNull(payments);
        this.refunds = Objects.requireNonNull(refunds);
        this.operations = Objects.requireNonNull(operations);
        this.refresh = new GatewayRefresh(payments, gateway, clock);
        this.clock = Objects.requireNonNull(clock);
        this.inFlightLease = Objects.requireNonNull(inFlightLease);
    }

    /** The request as received; {@code amount} is a decimal string ("3.00"). */
    public record Command(String paymentId, String refundId, String amount, String reason) {
    }

    /** The refund and its payment as stored; {@code created} is true for the call that claimed the refund. */
    public record Result(Refund refund, Payment payment, boolean created) {
    }

    /**
     * @throws OperationRefusedException bad input, unknown payment, state, balance, key reuse, Axerve's refusal
     * @throws GatewayException          Axerve failed; with {@code outcomeUnknown} the refund stays PENDING with its
     *                                   amount reserved, and the same request again reconciles it
     */
    public Result refund(Command c) {
        BigDecimal amount = validate(c);
        return OptimisticUpdate.run(MAX_ROUNDS, Pause.JITTERED,
                "payment " + c.paymentId() + " kept changing while reserving a refund", ignored -> {
            Payment p = (Ids.wellFormed(c.paymentId()) ? payments.findById(c.paymentId()) : Optional.<Payment>empty())
                    .orElseThrow(() -> new OperationRefusedException(
                    Reason.PAYMENT_NOT_FOUND, "No payment has this id."));
            var existing = refunds.find(p.paymentId(), c.refundId());
            if (existing.isPresent()) {
                return done(repeat(existing.get(), p, amount));
            }
            if (p.state() == PaymentState.AUTHORIZED) {
                p = refresh.refresh(p); // Axerve may have settled it already (immediate capture)
            }
            if (p.state() == PaymentState.REFUNDED) {
                throw new OperationRefusedException(Reason.EXCEEDS_BALANCE, "The payment is fully refunded: nothing"
                        + " is left to refund.");
            }
            if (p.state() != PaymentState.CAPTURED && p.state() != PaymentState.PARTIALLY_REFUNDED) {
                throw new OperationRefusedException(Reason.INVALID_STATE, "The payment is " + p.state()
                        + "; only a captured payment can be refunded.");
            }
            if (amount.compareTo(p.refundableAmount()) > 0) {
                throw new OperationRefusedException(Reason.EXCEEDS_BALANCE, "The refund of " + Amounts.format(amount)
                        + " is more than the " + Amounts.format(p.refundableAmount()) + " " + p.currency()
                        + " left to refund.");
            }
            Instant now = clock.instant();
            Refund claimed = new Refund(p.paymentId(), c.refundId(), amount, p.currency(), blankToNull(c.reason()),
                    RefundState.PENDING, null, 1, 1, now, now);
            Payment reserved = p.toBuilder().refundReserved(p.refundReserved().add(amount)).updatedAt(now).build();
            if (refunds.reserve(claimed, reserved, p.version()) == Outcome.WRITTEN) {
                return done(send(claimed, p.shopTransactionId(), p.bankTransactionId(), true));
            }
            return again(null);
        });
    }

    /**
     * The reconciler's part: pending refunds nobody asked about again since their lease ran out are settled from
     * Axerve's balance (or sent again) as a repeat of the same request would. Failures wait for the next run.
     *
     * @return how many of them are no longer pending
     */
    public int reconcilePending(int limit) {
        int settled = 0;
        for (Refund r : refunds.findPending(clock.instant().minus(inFlightLease), limit)) {
            try {
                Payment p = payments.findById(r.paymentId()).orElseThrow();
                settled += repeat(r, p, r.amount()).refund().state() != RefundState.PENDING ? 1 : 0;
            } catch (GatewayException | OperationRefusedException e) {
                // Axerve unavailable or refused the re-send: the refund is settled as FAILED or retried next run
            }
        }
        return settled;
    }

    private Result repeat(Refund existing, Payment p, BigDecimal amount) {
        if (!Amounts.same(existing.amount(), amount)) {
            throw new OperationRefusedException(Reason.REFUND_ID_CONFLICT, "refundId " + existing.refundId()
                    + " was used for a refund of " + Amounts.format(existing.amount()) + "; use a new refundId.");
        }
        if (existing.state() != RefundState.PENDING
                || existing.updatedAt().plus(inFlightLease).isAfter(clock.instant())) {
            return new Result(existing, p, false);
        }
        BigDecimal atAxerve = operations.refundedTotal(p.shopTransactionId());
        boolean onlyPending = Amounts.same(p.refundReserved(), existing.amount());
        if (onlyPending && Amounts.same(atAxerve, p.refundedAmount().add(existing.amount()))) {
            return new Result(settle(existing, true, null), payments.findById(p.paymentId()).orElse(p), false);
        }
        if (Amounts.same(atAxerve, p.refundedAmount())) {
            // Axerve holds none of our pending refunds: the lost call did not happen, so this one is sent again
            Refund claimed = existing.nextAttempt(clock.instant());
            if (refunds.claimAttempt(claimed)) {
                return send(claimed, p.shopTransactionId(), p.bankTransactionId(), false);
            }
        }
        return new Result(refunds.find(p.paymentId(), existing.refundId()).orElse(existing), p, false);
    }

    private Result send(Refund r, String shopTransactionId, String bankTransactionId, boolean created) {
        try {
            operations.refund(shopTransactionId, bankTransactionId, r.amount(), r.currency(), r.reason());
        } catch (GatewayException e) {
            if (e.outcomeUnknown()) {
                throw e;
            }
            settle(r, false, e.errorCode() == null ? e.kind().name() : e.errorCode());
            if (e.refusal() == GatewayException.Refusal.INSUFFICIENT_BALANCE) {
                throw new OperationRefusedException(Reason.EXCEEDS_BALANCE, e.errorCode(),
                        "Axerve's refundable balance is smaller than the refund.");
            }
            if (e.kind() == GatewayException.Kind.DECLINED || e.kind() == GatewayException.Kind.INVALID_REQUEST) {
                throw new OperationRefusedException(Reason.GATEWAY_REFUSED, e.errorCode(),
                        "Axerve refused the refund (error " + e.errorCode() + ").");
            }
            throw e;
        }
        Refund done = settle(r, true, null);
        return new Result(done, payments.findById(r.paymentId()).orElseThrow(), created);
    }

    /** Releases the reservation and records the outcome; a success adds the refunded amount and the event. */
    private Refund settle(Refund r, boolean succeeded, String errorCode) {
        return OptimisticUpdate.run(MAX_ROUNDS, Pause.JITTERED,
                "payment " + r.paymentId() + " kept changing while settling a refund", ignored -> {
            Payment p = payments.findById(r.paymentId()).orElseThrow();
            Instant now = clock.instant();
            Payment.Builder next = p.toBuilder().refundReserved(p.refundReserved().subtract(r.amount()))
                    .updatedAt(now);
            if (succeeded) {
                BigDecimal refunded = p.refundedAmount().add(r.amount());
                next.refundedAmount(refunded).state(refunded.compareTo(p.amount()) >= 0
                        ? PaymentState.REFUNDED : PaymentState.PARTIALLY_REFUNDED);
            }
            Payment stored = next.version(p.version() + 1).build();
            Refund outcome = r.with(succeeded ? RefundState.SUCCEEDED : RefundState.FAILED, errorCode, now);
            Outcome w = refunds.settle(outcome, stored, p.version(), p.state(),
                    succeeded ? PaymentEvents.refunded(p.state(), stored, outcome) : null);
            if (w == Outcome.WRITTEN) {
                return done(new Refund(outcome.paymentId(), outcome.refundId(), outcome.amount(), outcome.currency(),
                        outcome.reason(), outcome.state(), outcome.errorCode(), outcome.version() + 1,
                        outcome.attempts(), outcome.createdAt(), outcome.updatedAt()));
            }
            Refund current = refunds.find(r.paymentId(), r.refundId()).orElseThrow();
            if (current.version() != r.version()) {
                return done(current); // another caller settled or re-sent it
            }
            return again(null);
        });
    }

    private static BigDecimal validate(Command c) {
        if (!Ids.wellFormed(c.refundId())) {
            throw new OperationRefusedException(Reason.INVALID_REQUEST, "refundId is required: " + Ids.RULE + ".");
        }
        BigDecimal amount = AmountField.valueOf(c.amount());
        if (amount == null) {
            throw new OperationRefusedException(Reason.INVALID_REQUEST, "amount " + AmountField.RULE + ".");
        }
        if (c.reason() != null && (c.reason().length() > MAX_REASON || c.reason().chars().anyMatch(Character::isISOControl))) {
            throw new OperationRefusedException(Reason.INVALID_REQUEST,
                    "reason must be at most " + MAX_REASON + " printable characters.");
        }
        return amount;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
