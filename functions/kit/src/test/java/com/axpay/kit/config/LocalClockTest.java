package com.axpay.kit.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalClockTest {

    @Test
    void deployedFunctionsRunOnTheSystemClock() {
        assertSame(Clock.systemUTC().getClass(), LocalClock.fromEnvironment(Map.of()).getClass());
    }

    @Test
    void theOffsetInTheFileMovesTheTimeAndIsSeenAtOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("clock");
        Clock clock = LocalClock.fromEnvironment(Map.of(LocalClock.ENV_FILE, file.toString()));
        Instant before = Instant.now();
        assertTrue(!clock.instant().isBefore(before), "no file: real time");

        Files.writeString(file, Duration.ofDays(31).toString());
        Instant moved = clock.instant();
        assertTrue(!moved.isBefore(before.plus(Duration.ofDays(31))), moved.toString());
        assertTrue(moved.isBefore(Instant.now().plus(Duration.ofDays(32))), moved.toString());
        assertEquals(Duration.ofDays(31), ((LocalClock) clock).offset());
    }
}
