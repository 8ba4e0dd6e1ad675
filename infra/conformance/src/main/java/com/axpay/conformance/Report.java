package com.axpay.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** report.json (every answer's shape, result, code and text) and report.md (the same for people). No secrets. */
final class Report {
    private Report() {}

    static void write(Path dir, String targetName, String prefix, List<ConformanceRun.StepResult> steps,
                      List<ConformanceRun.ConventionResult> conventions) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", targetName);
        json.put("runPrefix", prefix);
        json.put("finishedAt", Instant.now().toString());
        json.put("summary", ConformanceRun.summary(steps));
        List<Map<String, Object>> calls = new ArrayList<>();
        for (ConformanceRun.StepResult s : steps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.step().id);
            m.put("title", s.step().title);
            m.put("operation", s.step().operation);
            m.put("framing", s.step().isPayment() ? null : s.step().framing.name());
            m.put("verdict", s.verdict().name().toLowerCase().replace('_', ' '));
            m.put("note", s.note());
            m.put("conventions", s.step().conventions);
            m.put("target", answer(s.target(), s.step()));
            m.put("simulator", answer(s.reference(), s.step()));
            m.put("differences", s.differences());
            calls.add(m);
        }
        json.put("calls", calls);
        json.put("conventions", conventions);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("report.json").toFile(), json);
        Files.writeString(dir.resolve("report.md"), markdown(targetName, prefix, steps, conventions),
                StandardCharsets.UTF_8);
    }

    private static Map<String, Object> answer(Answer a, Step step) {
        if (a == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("httpStatus", a.status());
        m.put("failure", a.failure());
        m.put("result", a.result());
        m.put("errorCode", a.errorCode());
        m.put("errorText", a.errorText());
        m.put("shape", a.shape());
        Map<String, String> compared = new LinkedHashMap<>();
        for (String p : step.compared) compared.put(p, a.value(p));
        m.put("compared", compared);
        return m;
    }

    static String markdown(String targetName, String prefix, List<ConformanceRun.StepResult> steps,
                           List<ConformanceRun.ConventionResult> conventions) {
        StringBuilder b = new StringBuilder();
        b.append("# Axerve conformance run\n\n");
        b.append("Target: ").append(targetName).append(" — compared with the Axerve simulator. Run prefix `")
                .append(prefix).append("`.\n\n");
        ConformanceRun.summary(steps).forEach((k, v) -> b.append("- ").append(k).append(": ").append(v).append('\n'));
        b.append("\n## Calls\n\n| step | call | target | simulator | verdict |\n|---|---|---|---|---|\n");
        for (ConformanceRun.StepResult s : steps) {
            b.append("| `").append(s.step().id).append("` | ").append(s.step().title).append(" | ")
                    .append(brief(s.target())).append(" | ").append(brief(s.reference())).append(" | ")
                    .append(s.verdict().name().toLowerCase().replace('_', ' '))
                    .append(s.note() == null ? "" : " (" + s.note() + ")").append(" |\n");
        }
        b.append("\n## Differences\n\n");
        boolean any = false;
        for (ConformanceRun.StepResult s : steps) {
            if (s.differences().isEmpty()) continue;
            any = true;
            b.append("### `").append(s.step().id).append("` — ").append(s.step().title).append("\n\n");
            for (String d : s.differences()) b.append("- ").append(d.replace("|", "\\|")).append('\n');
            if (s.target() != null && s.reference() != null) {
                b.append("\nTarget shape: `").append(String.join(" ", s.target().shape())).append("`\n\n");
                b.append("Simulator shape: `").append(String.join(" ", s.reference().shape())).append("`\n");
            }
            b.append('\n');
        }
        if (!any) b.append("None.\n");
        b.append("\n## Simulator conventions\n\n| convention | status | calls | meaning |\n|---|---|---|---|\n");
        for (ConformanceRun.ConventionResult c : conventions) {
            b.append("| `").append(c.id()).append("` | ").append(c.status()).append(" | ").append(c.reached())
                    .append(c.differing() > 0 ? " (" + c.differing() + " differ)" : "").append(" | ")
                    .append(c.description()).append(" |\n");
        }
        b.append("\n## Answer shapes\n\n");
        for (ConformanceRun.StepResult s : steps) {
            if (s.target() == null) continue;
            b.append("- `").append(s.step().id).append("`: `").append(String.join(" ", s.target().shape()))
                    .append("`\n");
        }
        return b.toString();
    }

    private static String brief(Answer a) {
        if (a == null) return "—";
        if (a.failure() != null) return "no answer";
        String s = a.result() != null ? a.result() : "HTTP " + a.status();
        if (a.errorCode() != null) s += " " + a.errorCode();
        if (a.errorText() != null && !a.errorText().isEmpty()) {
            String t = a.errorText().length() > 60 ? a.errorText().substring(0, 57) + "..." : a.errorText();
            s += " " + t.replace("|", "\\|");
        }
        return s;
    }
}
