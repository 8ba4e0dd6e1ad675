package com.axpay.simulator;

/**
 * How S2S notifications are delivered. Every field is bounded so that a misbehaving receiver cannot keep the
 * simulator busy forever.
 *
 * @param delayMs         wait before the first attempt
 * @param duplicates      copies of every notification, sent concurrently (at least 1)
 * @param reorder         for pending scenarios, send the final OK/KO before the XX
 * @param retryIntervalMs wait between attempts while the receiver answers non-2xx or is unreachable
 * @param maxAttempts     attempts per copy (at least 1)
 */
public record NotifyOptions(long delayMs, int duplicates, boolean reorder, long retryIntervalMs, int maxAttempts) {
    static final int MAX_DUPLICATES = 20;
    static final int MAX_ATTEMPTS = 50;

    public NotifyOptions {
        if (delayMs < 0 || retryIntervalMs < 0) throw new IllegalArgumentException("delays must be >= 0");
        if (duplicates < 1 || duplicates > MAX_DUPLICATES) throw new IllegalArgumentException("duplicates must be 1.." + MAX_DUPLICATES);
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) throw new IllegalArgumentException("maxAttempts must be 1.." + MAX_ATTEMPTS);
    }

    public static NotifyOptions defaults() {
        return new NotifyOptions(0, 1, false, 1000, 5);
    }

    public NotifyOptions withDelayMs(long v) { return new NotifyOptions(v, duplicates, reorder, retryIntervalMs, maxAttempts); }
    public NotifyOptions withDuplicates(int v) { return new NotifyOptions(delayMs, v, reorder, retryIntervalMs, maxAttempts); }
    public NotifyOptions withReorder(boolean v) { return new NotifyOptions(delayMs, duplicates, v, retryIntervalMs, maxAttempts); }
    public NotifyOptions withRetryIntervalMs(long v) { return new NotifyOptions(delayMs, duplicates, reorder, v, maxAttempts); }
    public NotifyOptions withMaxAttempts(int v) { return new NotifyOptions(delayMs, duplicates, reorder, retryIntervalMs, v); }
}
