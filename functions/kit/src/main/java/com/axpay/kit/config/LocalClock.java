package com.axpay.kit.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * The local stack's test clock: the system clock moved forward by the offset stored in the file named by
 * {@code LOCAL_CLOCK_FILE} (an ISO-8601 duration such as {@code PT744H}, rewritten by {@code POST /_local/clock}).
 * Every function of the stack reads the same file, so they all see the same time whichever class loader runs them.
 * The file is read on every call (a few microseconds): a moved clock is seen at once. Deployed functions have no
 * {@code LOCAL_CLOCK_FILE} and run on {@link Clock#systemUTC()}.
 */
public final class LocalClock extends Clock {

    public static final String ENV_FILE = "LOCAL_CLOCK_FILE";

    private final Path file;

    public LocalClock(Path file) {
        this.file = Objects.requireNonNull(file);
    }

    /** The clock a function runs on: this one when {@code LOCAL_CLOCK_FILE} is set, else the system's (UTC). */
    public static Clock fromEnvironment(Map<String, String> env) {
        String f = env.get(ENV_FILE);
        return f == null || f.isBlank() ? Clock.systemUTC() : new LocalClock(Path.of(f));
    }

    /** The current offset; zero while the file is absent or empty. */
    public Duration offset() {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? Duration.ZERO : Duration.parse(s);
        } catch (NoSuchFileException e) {
            return Duration.ZERO;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the local clock file " + file, e);
        }
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this; // every function works in UTC
    }
}
