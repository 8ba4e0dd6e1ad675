package com.axpay.core.agreement;

import com.axpay.core.domain.Amounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What an agreement charges: amount and currency every {@code interval} (an ISO-8601 period such as P1M or P7D),
 * starting at {@code startAt} (null: when the token arrives), for {@code cycles} charges in all (null: until
 * cancelled). Cycle times are computed from one anchor in UTC, so months never drift (Jan 31 + P1M = Feb 28/29,
 * + P2M = Mar 31).
 */
public record Plan(BigDecimal amount, String currency, Period interval, Instant startAt, Integer cycles) {

    public Plan {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(interval, "interval");
        amount = Amounts.exact(amount);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        if (cycles != null && cycles < 1) {
            throw new IllegalArgumentException("cycles must be >= 1");
        }
    }

    /** When cycle {@code cycle} is due, cycle {@code firstCycle} being due at {@code anchor}. */
    public Instant chargeTime(Instant anchor, int firstCycle, int cycle) {
        return anchor.atZone(ZoneOffset.UTC).plus(interval.multipliedBy(cycle - firstCycle)).toInstant();
    }

    /** True when {@code cycle} is past the last cycle of a bounded plan. */
    public boolean beyondLast(int cycle) {
        return cycles != null && cycle > cycles;
    }
}
