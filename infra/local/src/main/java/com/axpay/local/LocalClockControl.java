package com.axpay.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The stack's test clock: {@code POST /_local/clock {"advance":"P1M"}} moves the time every function sees. The
 * offset lives in one file, named to the handlers by {@code LOCAL_CLOCK_FILE} (read by the functions' LocalClock on
 * every call); it is replaced atomically, so a reader never sees half a value. Time only moves forward.
 */
final class LocalClockControl {

    private final Path file;

    LocalClockControl(Path file) {
        this.file = file;
    }

    Duration offset() throws IOException {
        if (!Files.exists(file)) {
            return Duration.ZERO;
        }
        String s = Files.readString(file, StandardCharsets.UTF_8).strip();
        return s.isEmpty() ? Duration.ZERO : Duration.parse(s);
    }

    Instant now() throws IOException {
        return Instant.now().plus(offset());
    }

    /**
     * @param advance an ISO-8601 period ({@code P1M}, {@code P7D}: calendar months from the current local time) or
     *                duration ({@code PT6H})
     * @return the functions' time afterwards
     */
    synchronized Instant advance(String advance) throws IOException {
        Duration step = step(advance);
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("advance must move the clock forward");
        }
        Duration next = offset().plus(step);
        Path tmp = Files.createTempFile(file.getParent(), "clock", ".tmp");
        Files.writeString(tmp, next.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return now();
    }

    /** Resets the functions' time to the real time. */
    synchronized void reset() throws IOException {
        Files.deleteIfExists(file);
    }

    private Duration step(String advance) throws IOException {
        if (advance == null || advance.isBlank()) {
            throw new IllegalArgumentException("advance is required, e.g. \"P1M\", \"P7D\" or \"PT6H\"");
        }
        try {
            if (advance.contains("T")) {
                return Duration.parse(advance);
            }
            Instant from = now();
            return Duration.between(from, from.atZone(ZoneOffset.UTC).plus(Period.parse(advance)).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("advance must be an ISO-8601 period or duration, e.g. \"P1M\"");
        }
    }
}
