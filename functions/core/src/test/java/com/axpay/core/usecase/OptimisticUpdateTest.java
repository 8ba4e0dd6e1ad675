package com.axpay.core.usecase;

import com.axpay.core.usecase.OptimisticUpdate.Pause;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.axpay.core.usecase.OptimisticUpdate.again;
import static com.axpay.core.usecase.OptimisticUpdate.done;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OptimisticUpdateTest {

    @Test
    void eachRoundStartsFromWhatThePreviousOneSaw() {
        List<Integer> seen = new ArrayList<>();
        String result = OptimisticUpdate.run(5, Pause.NONE, 1, v -> {
            seen.add(v);
            return v < 3 ? again(v + 1) : done("won at " + v);
        }, v -> "lost");

        assertEquals("won at 3", result);
        assertEquals(List.of(1, 2, 3), seen);
    }

    @Test
    void theBoundIsKeptAndTheLastSeenValueAnswers() {
        AtomicInteger rounds = new AtomicInteger();
        String result = OptimisticUpdate.run(4, Pause.JITTERED, 0, v -> {
            rounds.incrementAndGet();
            return again(v + 1);
        }, v -> "gave up after seeing " + v);

        assertEquals(4, rounds.get());
        assertEquals("gave up after seeing 4", result);
    }

    @Test
    void roundsThatReadForThemselvesFailWithTheMessage() {
        AtomicInteger rounds = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OptimisticUpdate.run(3, Pause.NONE,
                "order o-1 kept changing", ignored -> {
                    rounds.incrementAndGet();
                    return again(null);
                }));

        assertEquals("order o-1 kept changing", e.getMessage());
        assertEquals(3, rounds.get());
    }
}
