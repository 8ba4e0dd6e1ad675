package com.axpay.conformance;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Plays every step against the target and the reference simulator side by side, and lists every difference. */
final class ConformanceRun {
    enum Verdict { SAME, DIFFERENT, NOT_REACHED, PLAYED }

    record StepResult(Step step, Answer target, Answer reference, Verdict verdict, List<String> differences,
                      String note) {
    }

    record ConventionResult(String id, String description, String status, int reached, int differing) {
    }

    private final SoapCaller caller;
    private final PrintStream log;

    ConformanceRun(SoapCaller caller, PrintStream log) {
        this.caller = caller;
        this.log = log;
    }

    List<StepResult> run(Target target, Target reference, String prefix) {
        Step.Context t = new Step.Context(target, prefix);
        Step.Context r = new Step.Context(reference, prefix);
        List<StepResult> out = new ArrayList<>();
        for (Step step : Scenario.steps()) {
            StepResult res = play(step, t, r);
            log.printf("%-36s %s%s%n", step.id, res.verdict(), res.note() == null ? "" : " (" + res.note() + ")");
            out.add(res);
        }
        return out;
    }

    private StepResult play(Step step, Step.Context t, Step.Context r) {
        if (step.deferredShop && !t.target.hasDeferredShop()) {
            return new StepResult(step, null, null, Verdict.NOT_REACHED, List.of(), "no separate-capture shop given");
        }
        for (String v : step.requires) {
            if (t.v(v) == null) {
                return new StepResult(step, null, null, Verdict.NOT_REACHED, List.of(),
                        "needs " + v + ": the buyer's part was skipped or an earlier call failed");
            }
        }
        if (step.isPayment()) {
            String bt = pay(step, t);
            if (bt == null) {
                return new StepResult(step, null, null, Verdict.NOT_REACHED, List.of(), "buyer's part skipped");
            }
            String br = pay(step, r);
            t.vars.put(step.payInto, bt);
            if (br != null) r.vars.put(step.payInto, br);
            return new StepResult(step, null, null, br == null ? Verdict.DIFFERENT : Verdict.PLAYED,
                    br == null ? List.of("the reference simulator's page gave no result") : List.of(), null);
        }
        Answer at = caller.call(t.target.baseUrl(), step.operation, step.params.apply(t), step.framing);
        Answer ar = r.vars.keySet().containsAll(step.requires)
                ? caller.call(r.target.baseUrl(), step.operation, step.params.apply(r), step.framing)
                : Answer.failed("the reference simulator could not play this step");
        if (at.failure() == null) step.keep.accept(t, at);
        if (ar.failure() == null) step.keep.accept(r, ar);
        List<String> diffs = compare(step, at, ar);
        return new StepResult(step, at, ar, diffs.isEmpty() ? Verdict.SAME : Verdict.DIFFERENT, diffs, null);
    }

    private String pay(Step step, Step.Context c) {
        String shop = step.deferredShop ? c.target.deferredShopLogin() : c.target.shopLogin();
        try {
            return c.target.buyer().pay(c.target, shop, c.v(step.payCrypt), step.payScenario);
        } catch (Exception e) {
            log.println("  buyer's part failed: " + e);
            return null;
        }
    }

    static List<String> compare(Step step, Answer t, Answer r) {
        List<String> d = new ArrayList<>();
        if (t.failure() != null || r.failure() != null) {
            if (!Objects.equals(t.failure(), r.failure())) {
                d.add("call: target " + orNone(t.failure()) + "; simulator " + orNone(r.failure()));
            }
            return d;
        }
        if (t.status() != r.status()) d.add("HTTP status: target " + t.status() + ", simulator " + r.status());
        if (!t.shape().equals(r.shape())) d.add(shapeDifference(t.shape(), r.shape()));
        same(d, "TransactionResult (or fault)", t.result(), r.result());
        same(d, "error code", t.errorCode(), r.errorCode());
        same(d, "error text", t.errorText(), r.errorText());
        for (String path : step.compared) same(d, path, t.value(path), r.value(path));
        return d;
    }

    private static void same(List<String> d, String what, String t, String r) {
        if (!Objects.equals(t, r)) d.add(what + ": target " + quote(t) + ", simulator " + quote(r));
    }

    static String shapeDifference(List<String> t, List<String> r) {
        List<String> onlyT = new ArrayList<>(t);
        r.forEach(onlyT::remove);
        List<String> onlyR = new ArrayList<>(r);
        t.forEach(onlyR::remove);
        if (onlyT.isEmpty() && onlyR.isEmpty()) return "shape: same elements in a different order";
        StringBuilder b = new StringBuilder("shape:");
        if (!onlyT.isEmpty()) b.append(" only the target has ").append(onlyT).append(';');
        if (!onlyR.isEmpty()) b.append(" only the simulator has ").append(onlyR).append(';');
        return b.substring(0, b.length() - 1);
    }

    static List<ConventionResult> conventions(List<StepResult> results) {
        List<ConventionResult> out = new ArrayList<>();
        for (Map.Entry<String, String> c : Conventions.ALL.entrySet()) {
            int reached = 0;
            int differing = 0;
            for (StepResult s : results) {
                if (!s.step().conventions.contains(c.getKey())) continue;
                if (s.verdict() == Verdict.SAME) reached++;
                if (s.verdict() == Verdict.DIFFERENT) {
                    reached++;
                    differing++;
                }
            }
            String status = differing > 0 ? "contradicted" : reached > 0 ? "confirmed" : "not reached";
            out.add(new ConventionResult(c.getKey(), c.getValue(), status, reached, differing));
        }
        return out;
    }

    static Map<String, Long> summary(List<StepResult> results) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            m.put(v.name().toLowerCase().replace('_', ' '), results.stream().filter(s -> s.verdict() == v).count());
        }
        return m;
    }

    private static String quote(String s) {
        return s == null ? "(absent)" : "\"" + s + "\"";
    }

    private static String orNone(String s) {
        return s == null ? "answered" : s;
    }
}
