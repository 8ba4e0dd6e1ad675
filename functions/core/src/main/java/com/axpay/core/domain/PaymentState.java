package com.axpay.core.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Payment states and the one table of allowed transitions.
 *
 * <p>Open states (CREATED, REDIRECTED, PENDING, UNKNOWN) are waiting for Axerve's outcome and are swept by the
 * reconciler. Every other state is terminal for the payment's outcome: a late or replayed gateway message never
 * moves a payment out of it, except the money-moving corrections listed here:
 * <ul>
 *   <li>AUTHORIZED may later be CAPTURED, CANCELED or refunded (merchant operations or the query's TransactionState);</li>
 *   <li>DECLINED / ABANDONED / EXPIRED may become AUTHORIZED or CAPTURED: when Axerve's query (callReadTrxS2S)
 *       says the money moved, that is the truth (KO then OK). The notification use case only applies this after the
 *       query confirms it.</li>
 * </ul>
 * EXPIRED is our state for "Axerve has no such transaction" after the reconciler's threshold (the buyer never paid).
 */
public enum PaymentState {
    CREATED, REDIRECTED, PENDING, UNKNOWN,
    AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, CANCELED,
    DECLINED, ABANDONED, EXPIRED,
    /** onlyrecurring: Axerve issued the recurring token and charged nothing (not paid, not failed). */
    TOKENIZED;

    private static final Set<PaymentState> OPEN = EnumSet.of(CREATED, REDIRECTED, PENDING, UNKNOWN);
    private static final Set<PaymentState> PAID = EnumSet.of(AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED);
    private static final Set<PaymentState> FAILED = EnumSet.of(DECLINED, ABANDONED, EXPIRED);
    private static final Set<PaymentState> OUTCOMES =
            EnumSet.of(PENDING, AUTHORIZED, CAPTURED, DECLINED, ABANDONED, EXPIRED, CANCELED, REFUNDED, TOKENIZED);

    private static final Map<PaymentState, Set<PaymentState>> NEXT = Map.ofEntries(
            Map.entry(CREATED, with(OUTCOMES, REDIRECTED, UNKNOWN)),
            Map.entry(REDIRECTED, with(OUTCOMES, UNKNOWN)),
            Map.entry(UNKNOWN, with(OUTCOMES, REDIRECTED)),
            Map.entry(PENDING, without(OUTCOMES, PENDING)),
            Map.entry(AUTHORIZED, EnumSet.of(CAPTURED, CANCELED, PARTIALLY_REFUNDED, REFUNDED)),
            Map.entry(CAPTURED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED)),
            Map.entry(PARTIALLY_REFUNDED, EnumSet.of(REFUNDED)),
            Map.entry(REFUNDED, EnumSet.noneOf(PaymentState.class)),
            Map.entry(CANCELED, EnumSet.noneOf(PaymentState.class)),
            Map.entry(DECLINED, EnumSet.of(AUTHORIZED, CAPTURED)),
            Map.entry(ABANDONED, EnumSet.of(AUTHORIZED, CAPTURED)),
            Map.entry(EXPIRED, EnumSet.of(AUTHORIZED, CAPTURED)),
            Map.entry(TOKENIZED, EnumSet.noneOf(PaymentState.class)));

    /** Still waiting for Axerve's outcome; swept by the reconciler. */
    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** The payment's outcome is settled; gateway messages can no longer downgrade it. */
    public boolean isTerminal() {
        return !isOpen();
    }

    /** Money was authorized or moved (goods may ship). */
    public boolean isPaid() {
        return PAID.contains(this);
    }

    /** Known not paid: a new attempt for the same order may start. */
    public boolean isFailed() {
        return FAILED.contains(this);
    }

    public boolean canMoveTo(PaymentState next) {
        return NEXT.get(this).contains(next);
    }

    /** States from which {@code next} may be reached: the expected-state set of a conditional write. */
    public static Set<PaymentState> sourcesOf(PaymentState next) {
        Set<PaymentState> sources = EnumSet.noneOf(PaymentState.class);
        for (PaymentState s : values()) {
            if (s.canMoveTo(next)) {
                sources.add(s);
            }
        }
        return sources;
    }

    private static Set<PaymentState> with(Set<PaymentState> base, PaymentState... more) {
        Set<PaymentState> s = EnumSet.copyOf(base);
        s.addAll(Set.of(more));
        return s;
    }

    private static Set<PaymentState> without(Set<PaymentState> base, PaymentState removed) {
        Set<PaymentState> s = EnumSet.copyOf(base);
        s.remove(removed);
        return s;
    }
}
