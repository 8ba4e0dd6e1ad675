package com.axpay.kit.config;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One secret of a function, read on first use (an invocation, never the init phase: the Parameters and Secrets
 * extension answers 400 until the first INVOKE) and cached for a time-to-live, so a rotated value is picked up
 * without a redeploy. {@link #forget()} drops the cached value: before a SnapStart snapshot (no secret in the
 * snapshot) and after a restore (the restored copy reads afresh). When a refresh fails, the last value read keeps
 * serving and the refresh is retried after {@link #RETRY_AFTER_FAILURE}: an extension hiccup does not fail
 * requests that a moment ago succeeded. The value is never part of {@link #toString()} or an exception message.
 */
public final class Secret {

    /** The Parameters and Secrets extension caches for 300 s too: a rotation shows within ten minutes at most. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private final String variable;
    private final String secretId;
    private final SecretSource source;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private volatile Cached cached;

    private record Cached(String value, long readAt) {
    }

    private Secret(String variable, String secretId, SecretSource source, Duration ttl, LongSupplier nanoTime,
                   String plain) {
        this.variable = Objects.requireNonNull(variable);
        this.secretId = secretId;
        this.source = source;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        this.cached = plain == null ? null : new Cached(plain, 0);
    }

    /** A value given in plain in the environment (the local stack, tests): never re-read. */
    public static Secret plain(String variable, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(variable + " is empty");
        }
        return new Secret(variable, null, null, Duration.ZERO, System::nanoTime, value.strip());
    }

    /** A secret read from {@code source} by id on first use and again once {@code ttl} has passed. */
    public static Secret fromSource(String variable, String secretId, SecretSource source, Duration ttl,
                                    LongSupplier nanoTime) {
        Objects.requireNonNull(secretId);
        Objects.requireNonNull(source);
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        return new Secret(variable, secretId, source, ttl, Objects.requireNonNull(nanoTime), null);
    }

    /** The environment variable that configures this secret (for messages). */
    public String variable() {
        return variable;
    }

    /**
     * The value: cached while fresh, else read from the source.
     *
     * @throws SecretUnavailableException when it was never read and cannot be read now
     */
    public String value() {
        Cached c = cached;
        if (c != null && fresh(c)) {
            return c.value;
        }
        synchronized (this) {
            c = cached;
            if (c != null && fresh(c)) {
                return c.value;
            }
            try {
                String v = source.secret(secretId);
                if (v == null || v.isBlank()) {
                    throw new ConfigurationException("the secret is empty");
                }
                cached = new Cached(v.strip(), nanoTime.getAsLong());
                return cached.value;
            } catch (RuntimeException e) {
                if (c != null) {
                    // keep serving the last good value; try again after a short pause rather than on every call
                    cached = new Cached(c.value, nanoTime.getAsLong() - ttlNanos + RETRY_AFTER_FAILURE.toNanos());
                    return c.value;
                }
                throw new SecretUnavailableException(variable, e);
            }
        }
    }

    /** Drops the cached value (a plain value stays): the next {@link #value()} reads the source again. */
    public void forget() {
        if (secretId != null) {
            cached = null;
        }
    }

    /** Whether a value is held right now (tests; SnapStart must not snapshot one). */
    public boolean isCached() {
        return secretId != null && cached != null;
    }

    private boolean fresh(Cached c) {
        return secretId == null || nanoTime.getAsLong() - c.readAt < ttlNanos;
    }

    @Override
    public String toString() {
        return "Secret[" + variable + (secretId == null ? ", plain" : ", " + secretId) + "]";
    }
}
