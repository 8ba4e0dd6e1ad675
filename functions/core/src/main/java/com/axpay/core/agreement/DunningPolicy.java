package com.axpay.core.agreement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How soft-declined cycles are retried: one delay per retry (e.g. 3 days, 3 days, 3 days = 4 tries in all, the
 * Kill Bill and Chargebee defaults). When they are used up the agreement ends as CANCELED (retries exhausted).
 */
public record DunningPolicy(List<Duration> retryDelays) {

    public DunningPolicy {
        retryDelays = List.copyOf(retryDelays);
        for (Duration d : retryDelays) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("retry delays must be positive");
            }
        }
    }

    public static DunningPolicy defaults() {
        return new DunningPolicy(List.of(Duration.ofDays(3), Duration.ofDays(3), Duration.ofDays(3)));
    }

    /** Parses "P3D,P3D,PT12H" (ISO-8601 durations; days allowed). */
    public static DunningPolicy parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return defaults();
        }
        return new DunningPolicy(java.util.Arrays.stream(spec.split(",")).map(String::strip).map(Duration::parse)
                .toList());
    }

    /** When to try again after attempt {@code failedAttempt} (1-based) was soft-declined; empty when exhausted. */
    public Optional<Instant> retryAt(int failedAttempt, Instant now) {
        return failedAttempt <= retryDelays.size()
                ? Optional.of(now.plus(retryDelays.get(failedAttempt - 1)))
                : Optional.empty();
    }

    public int maxAttempts() {
        return retryDelays.size() + 1;
    }
}
