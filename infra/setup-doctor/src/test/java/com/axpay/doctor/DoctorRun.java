package com.axpay.doctor;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One in-process run of the doctor with captured output, as a user would see it in a terminal. */
record DoctorRun(int exit, String out, String err) {

    static DoctorRun run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = SetupDoctor.run(args, env, o, e);
        }
        return new DoctorRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static DoctorRun run(String... args) {
        return run(Map.of(), args);
    }

    /** The printed lines, so a test can insist that a value stands alone on its line (copyable). */
    List<String> lines() {
        return Arrays.asList(out.split("\\R"));
    }

    /** The line right after a label line, i.e. the value printed for that label. */
    String valueAfter(String label) {
        List<String> lines = lines();
        int i = lines.indexOf(label + ":");
        if (i < 0 || i + 1 >= lines.size()) {
            throw new AssertionError("no '" + label + ":' line in:\n" + out);
        }
        return lines.get(i + 1);
    }

    /** Stdout with line breaks and indents folded to single spaces: prose is word-wrapped for the terminal. */
    String flat() {
        return out.replaceAll("\\s+", " ");
    }

    String all() {
        return out + err;
    }
}
