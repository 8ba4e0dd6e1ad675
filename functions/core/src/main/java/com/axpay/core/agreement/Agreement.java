package com.axpay.core.agreement;

import com.axpay.core.domain.Required;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A recurring agreement: the plan, its state, which cycle and attempt is charged next and when, and the settled
 * charges. Immutable; the transition methods return the next value (the store writes it conditionally on
 * {@code version}). The token is Axerve's recurring token: server-side only, never in responses or logs.
 *
 * @param cycle         the cycle charged next (1-based; a paynowandrecurring agreement starts at 2)
 * @param attempt       the attempt within {@code cycle} charged next (1-based)
 * @param anchor        when cycle {@code firstCycle} was due: every cycle time derives from it
 * @param nextChargeAt  when the schedule charges {@code cycle}/{@code attempt}; null when nothing is due
 * @param endReason     why a terminal or suspended agreement stopped (CANCELED_BY_MERCHANT, RETRIES_EXHAUSTED,
 *                      HARD_DECLINE, ...)
 * @param tokenDeleted  the token was deleted at Axerve (after a cancel)
 * @param history       settled charges, oldest first, the last {@value #MAX_HISTORY}
 */
public record Agreement(String agreementId, String paymentId, String orderId, RecurringMode mode, Plan plan,
                        AgreementState state, String token, int cycle, int attempt, Instant anchor, int firstCycle,
                        Instant nextChargeAt, int cyclesCharged, String endReason, boolean tokenDeleted,
                        List<ChargeHistoryEntry> history, long version, Instant createdAt, Instant updatedAt) {

    public static final int MAX_HISTORY = 100;

    public Agreement {
        Required.components("agreementId", agreementId, "plan", plan, "state", state, "anchor", anchor);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * The agreement a token creates. paynowandrecurring: the payment itself was cycle 1, so cycle 2 is due one
     * interval later (or at startAt); onlyrecurring: cycle 1 is due at startAt, or at once.
     */
    public static Agreement fromToken(AgreementTerms t, String token, Instant now) {
        boolean paidNow = t.mode() == RecurringMode.PAY_NOW_AND_RECURRING;
        int first = paidNow ? 2 : 1;
        Instant anchor = t.plan().startAt() != null ? t.plan().startAt()
                : paidNow ? t.plan().chargeTime(now, 1, 2) : now;
        boolean done = t.plan().beyondLast(first);
        return new Agreement(t.agreementId(), t.paymentId(), t.orderId(), t.mode(), t.plan(),
                done ? AgreementState.COMPLETED : AgreementState.ACTIVE, token, first, 1, anchor, first,
                done ? null : anchor, paidNow ? 1 : 0, done ? "ALL_CYCLES_CHARGED" : null, false, List.of(), 1, now,
                now);
    }

    @Override
    public String toString() {
        return "Agreement[agreementId=" + agreementId + ", state=" + state + ", cycle=" + cycle + ", attempt="
                + attempt + ", nextChargeAt=" + nextChargeAt + ", version=" + version + "]";
    }

    /** Due for the schedule: chargeable and its next charge time has come. */
    public boolean isDue(Instant now) {
        return state.isChargeable() && nextChargeAt != null && !nextChargeAt.isAfter(now);
    }

    /** Whether this charge is the one the agreement is waiting for (an upsell always is, while chargeable). */
    public boolean awaits(ChargeRecord c) {
        return state.isChargeable() && (c.isUpsell() || (c.cycle() == cycle && c.attempt() == attempt));
    }

    /** After a successful charge: a cycle charge moves to the next cycle (or completes the plan). */
    public Agreement afterSuccess(ChargeRecord c, Instant now) {
        List<ChargeHistoryEntry> h = withEntry(c, now);
        if (c.isUpsell() || !awaits(c)) {
            return copy(state, cycle, attempt, nextChargeAt, cyclesCharged, endReason, h, now);
        }
        int next = cycle + 1;
        if (plan.beyondLast(next)) {
            return copy(AgreementState.COMPLETED, next, 1, null, cyclesCharged + 1, "ALL_CYCLES_CHARGED", h, now);
        }
        return copy(AgreementState.ACTIVE, next, 1, plan.chargeTime(anchor, firstCycle, next), cyclesCharged + 1,
                null, h, now);
    }

    /**
     * After a decline: hard suspends (no charge until the buyer fixes the payment method); a soft-declined cycle is
     * retried on the dunning schedule with the agreement PAST_DUE, and ends CANCELED when the retries are used up.
     * A soft-declined upsell changes nothing but the history.
     */
    public Agreement afterDecline(ChargeRecord c, DunningPolicy dunning, Instant now) {
        List<ChargeHistoryEntry> h = withEntry(c, now);
        boolean current = awaits(c);
        if (current && c.declineClass() == DeclineClass.HARD) {
            return copy(AgreementState.SUSPENDED, cycle, attempt, null, cyclesCharged, "HARD_DECLINE", h, now);
        }
        if (!current || c.isUpsell()) {
            return copy(state, cycle, attempt, nextChargeAt, cyclesCharged, endReason, h, now);
        }
        Optional<Instant> retry = dunning.retryAt(attempt - lastHardDeclinedAttempt(), now);
        if (retry.isEmpty()) {
            return copy(AgreementState.CANCELED, cycle, attempt, null, cyclesCharged, "RETRIES_EXHAUSTED", h, now);
        }
        return copy(AgreementState.PAST_DUE, cycle, attempt + 1, retry.get(), cyclesCharged, null, h, now);
    }

    /** A charge never sent because the agreement stopped being chargeable: recorded, nothing else. */
    public Agreement afterSkip(ChargeRecord c, Instant now) {
        return copy(state, cycle, attempt, nextChargeAt, cyclesCharged, endReason, withEntry(c, now), now);
    }

    /**
     * The buyer fixed the payment method (scenario 19): a SUSPENDED agreement is ACTIVE again and its unpaid cycle is
     * due at once, as a new attempt (the declined one is known-failed, so it keeps its own shopTransactionId).
     */
    public Agreement resumed(Instant now) {
        if (state != AgreementState.SUSPENDED) {
            throw new IllegalStateException("only a SUSPENDED agreement resumes, not " + state);
        }
        return copy(AgreementState.ACTIVE, cycle, attempt + 1, now, cyclesCharged, null, history, now);
    }

    public Agreement canceled(Instant now) {
        return copy(AgreementState.CANCELED, cycle, attempt, null, cyclesCharged, "CANCELED_BY_MERCHANT", history,
                now);
    }

    public Agreement withTokenDeleted(Instant now) {
        return new Agreement(agreementId, paymentId, orderId, mode, plan, state, token, cycle, attempt, anchor,
                firstCycle, nextChargeAt, cyclesCharged, endReason, true, history, version, createdAt, now);
    }

    /** The same agreement as stored with another version (the store bumps it on every write). */
    public Agreement withVersion(long v) {
        return new Agreement(agreementId, paymentId, orderId, mode, plan, state, token, cycle, attempt, anchor,
                firstCycle, nextChargeAt, cyclesCharged, endReason, tokenDeleted, history, v, createdAt, updatedAt);
    }

    /**
     * The attempt of this cycle that was hard-declined last (0 if none). Only a hard decline suspends, and a resume
     * follows it, so the soft declines after it are the current dunning run: the buyer who fixed the payment method
     * gets the full retry schedule again instead of the leftovers of the run before the suspension.
     */
    private int lastHardDeclinedAttempt() {
        int last = 0;
        for (ChargeHistoryEntry e : history) {
            if (e.chargeId() == null && e.cycle() == cycle && e.declineClass() == DeclineClass.HARD) {
                last = Math.max(last, e.attempt());
            }
        }
        return last;
    }

    private List<ChargeHistoryEntry> withEntry(ChargeRecord c, Instant now) {
        List<ChargeHistoryEntry> h = new ArrayList<>(history);
        h.add(ChargeHistoryEntry.of(c, now));
        return h.size() > MAX_HISTORY ? h.subList(h.size() - MAX_HISTORY, h.size()) : h;
    }

    private Agreement copy(AgreementState s, int cyc, int att, Instant next, int charged, String reason,
                           List<ChargeHistoryEntry> h, Instant now) {
        return new Agreement(agreementId, paymentId, orderId, mode, plan, s, token, cyc, att, anchor, firstCycle, next,
                charged, reason, tokenDeleted, h, version, createdAt, now);
    }
}
