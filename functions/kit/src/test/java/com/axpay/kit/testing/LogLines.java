package com.axpay.kit.testing;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The log lines a flow writes, read as CloudWatch reads them: one JSON object per line. */
public final class LogLines {

    private LogLines() {
    }

    /** Runs {@code flow} with standard output captured; a line that is not one JSON object fails the test. */
    public static List<Map<String, Object>> of(Runnable flow) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            flow.run();
        } finally {
            System.setOut(out);
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.std.mapFrom(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("not one JSON object: " + line, e);
                }
            }
        }
        return lines;
    }

    /**
     * Runs {@code flow}, which primes {@code primings} handlers, and checks that each logged only its own line
     * ({@code handler primed for the snapshot}): none of the handler's request lines, no metric. Returns those lines.
     */
    public static List<Map<String, Object>> ofHandlerPrimings(int primings, Runnable flow) {
        List<Map<String, Object>> lines = of(flow);
        assertEquals(primings, lines.size(), lines.toString());
        for (Map<String, Object> line : lines) {
            assertEquals("handler primed for the snapshot", line.get("message"), line.toString());
            assertFalse(line.containsKey("_aws"), "a metric in " + line);
        }
        return lines;
    }
}
