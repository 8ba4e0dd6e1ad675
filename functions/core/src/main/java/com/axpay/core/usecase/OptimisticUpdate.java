package com.axpay.core.usecase;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The one optimistic-update loop of the use cases: read, decide, write conditionally on the version read, and go
 * round again when another writer got there first, a bounded number of times. Each round is told what the previous
 * one saw ({@code S}: the record it lost on, or nothing when the round reads for itself) and either finishes with a
 * result or asks for another round.
 */
final class OptimisticUpdate {

    /** What one round decided. */
    sealed interface Round<S, T> permits Done, Again {
    }

    /** Finished: the result. */
    record Done<S, T>(T result) implements Round<S, T> {
    }

    /** The conditional write lost (or the record moved): go round again with what is stored now. */
    record Again<S, T>(S seen) implements Round<S, T> {
    }

    /** What happens between two rounds. */
    enum Pause {
        /** Straight on: the next round re-reads, and rivals are few (one payment's notifications, one agreement). */
        NONE,
        /**
         * A short jittered pause, growing with the round, so a burst of writers on one record (concurrent refunds
         * and notifications of one payment) does not collide again in lockstep.
         */
        JITTERED
    }

    private OptimisticUpdate() {
    }

    static <S, T> Round<S, T> done(T result) {
        return new Done<>(result);
    }

    static <S, T> Round<S, T> again(S seen) {
        return new Again<>(seen);
    }

    /**
     * Runs up to {@code maxRounds} rounds.
     *
     * @param first     what the first round starts from (may be null when each round reads for itself)
     * @param exhausted the answer when every round lost, from what the last one saw (throw to fail)
     */
    static <S, T> T run(int maxRounds, Pause pause, S first, Function<S, Round<S, T>> round,
                        Function<S, T> exhausted) {
        S seen = first;
        for (int r = 0; r < maxRounds; r++) {
            if (r > 0 && pause == Pause.JITTERED) {
                backOff(r - 1);
            }
            switch (round.apply(seen)) {
                case Done<S, T> d -> {
                    return d.result();
                }
                case Again<S, T> a -> seen = a.seen();
            }
        }
        return exhausted.apply(seen);
    }

    /** Up to {@code maxRounds} rounds that each read for themselves; then an IllegalStateException. */
    static <T> T run(int maxRounds, Pause pause, String exhaustedMessage, Function<Void, Round<Void, T>> round) {
        return run(maxRounds, pause, null, round, ignored -> {
            throw new IllegalStateException(exhaustedMessage);
        });
    }

    private static void backOff(int round) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L + 5L * Math.min(round, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
