package com.axpay.rehearsal.bench;

import com.axpay.lambdarun.FunctionSandbox;
import com.axpay.lambdarun.ManagedRuntime;
import com.axpay.lambdarun.RuntimeApiEmulator;
import com.axpay.rehearsal.Events;
import com.axpay.rehearsal.RehearsalStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Cold start under Lambda's runtime client ({@code bench/lambda-cold-start.sh}): for each function of template.yaml,
 * JVM launch to its first response, on-demand (unprimed), beside {@link ReferenceHandler} doing the same remote calls
 * by hand from the same jar's libraries; and with SnapStart's INIT (priming hooks run, then restore), the first
 * invocation beside a warm one. Every invocation gets an event that makes the function do its real work on fresh
 * state ({@link BenchFixtures}), prepared before the JVM is launched or between invocations, never in a timed span.
 * Runs are interleaved (function, reference, SnapStart; the order flips every run), the first discarded. Prints
 * medians and ratios as a Markdown table. {@code --trace-io} instead runs each function and its reference once
 * through a recording pass-through and lists the remote calls of both. A tool, not a test: no assertion on time.
 */
public final class ColdStartBench {

    /** Prepares (untimed) the state of one invocation and returns its event. */
    interface Fixture {
        String next() throws Exception;
    }

    /**
     * @param referenceIo what {@link ReferenceHandler} does ({@code REFERENCE_IO})
     * @param env         both sides' extra variables (a moved clock)
     * @param expect      a pattern the function's answer must contain: it did the work, not an early refusal
     * @param expectLog   a pattern the function's log lines of the invocation must contain, when its answer cannot
     *                    tell (a batch answers no failure whether it charged or skipped), else null
     */
    record Case(String functionId, String referenceIo, Map<String, String> env, Fixture fixture, String expect,
                String expectLog) {
        Case(String functionId, String referenceIo, Map<String, String> env, Fixture fixture, String expect) {
            this(functionId, referenceIo, env, fixture, expect, null);
        }
    }

    record Run(long coldMs, long initMs, long firstMs) {
    }

    /** The simulator's log of each S2S attempt the bench leaves undelivered, kept off the table's output. */
    private static final java.util.logging.Logger SIMULATOR_LOG = java.util.logging.Logger.getLogger(
            "com.axpay.simulator");

    public static void main(String[] args) throws Exception {
        SIMULATOR_LOG.setLevel(java.util.logging.Level.WARNING);
        int runs = 5;
        boolean trace = false;
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-n" -> runs = Integer.parseInt(args[++i]);
                case "-f" -> only.add(args[++i]);
                case "--trace-io" -> trace = true;
                default -> throw new IllegalArgumentException(
                        "usage: ColdStartBench [-n runs] [-f FunctionId]... [--trace-io]");
            }
        }
        try (RehearsalStack stack = new RehearsalStack()) {
            ColdStartBench bench = new ColdStartBench(stack);
            try (BenchFixtures fixtures = new BenchFixtures(stack, bench::spec, bench.refRoots)) {
                List<Case> cases = bench.cases(fixtures);
                List<String> ids = cases.stream().map(Case::functionId).toList();
                for (String id : only) {
                    if (!ids.contains(id)) {
                        throw new IllegalArgumentException("no case for " + id + "; the functions: " + ids);
                    }
                }
                if (!only.isEmpty()) {
                    cases.removeIf(c -> !only.contains(c.functionId()));
                }
                if (cases.stream().anyMatch(c -> c.functionId().matches("RecurringSchedule.*|ChargeWorker.*"))) {
                    stack.startQueues();
                }
                if (trace) {
                    bench.trace(cases);
                } else {
                    bench.run(runs, cases);
                }
            }
        }
    }

    private final RehearsalStack stack;
    private final Path refRoots;

    ColdStartBench(RehearsalStack stack) throws IOException {
        this.stack = stack;
        this.refRoots = Files.createDirectories(stack.root.resolve("infra/lambda-rehearsal/target/bench-task-roots"));
    }

    /** Both secrets as plain values on both sides, so neither pays for the extension. */
    FunctionSandbox.Spec spec(String id) {
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("AXERVE_APIKEY_SECRET_ARN", null);
        plain.put("STOREFRONT_API_KEY_SECRET_ARN", null);
        plain.put("AXERVE_APIKEY", RehearsalStack.AXERVE_APIKEY);
        plain.put("STOREFRONT_API_KEY", RehearsalStack.STOREFRONT_KEY);
        if (System.getenv("BENCH_FUNCTION_JAVA_TOOL_OPTIONS") != null) {
            plain.put("JAVA_TOOL_OPTIONS", System.getenv("BENCH_FUNCTION_JAVA_TOOL_OPTIONS"));
        }
        return stack.spec(id).withEnvironment(plain);
    }

    /** One case per function of the template, in its order. */
    List<Case> cases(BenchFixtures fx) throws IOException {
        Events ev = stack.events;
        String key = RehearsalStack.STOREFRONT_KEY;
        String charges = "arn:aws:sqs:" + RehearsalStack.REGION + ":123456789012:charges";
        // the read-only cases share one paid payment and one agreement, made on first use
        Supplier<String> paid = memo(() -> fx.paidPayment(false));
        Supplier<String> returnQuery = memo(() -> {
            var started = fx.start(null);
            String query = fx.payAtAxerve(started);
            fx.notifyUs(query);
            return query;
        });
        Supplier<String> agreement = memo(fx::agreement);
        Map<String, String> reconcilerClock = Map.of("LOCAL_CLOCK_FILE",
                fx.clock(BenchFixtures.RECONCILER_CLOCK).toString(), "REFERENCE_CLOCK", BenchFixtures.RECONCILER_CLOCK);
        Map<String, String> scheduleClock = Map.of("LOCAL_CLOCK_FILE",
                fx.clock(BenchFixtures.SCHEDULE_CLOCK).toString(), "REFERENCE_CLOCK", BenchFixtures.SCHEDULE_CLOCK);
        List<Case> cases = new ArrayList<>(List.of(
                new Case("StartPaymentFunction", "start-payment", Map.of(), () -> ev.http("POST /payments",
                        "/payments", null, null, Events.startPaymentBody(BenchFixtures.orderId("bench"), "19.90",
                                RehearsalStack.RETURN_URL, null), key), "\"statusCode\":201"),
                new Case("GetPaymentFunction", "get-payment", Map.of(), () -> ev.getPayment(paid.get(), key),
                        "\"statusCode\":200"),
                new Case("AxerveReturnFunction", "browser-return", Map.of(), () -> ev.http("GET /axerve/return/ok",
                        "/axerve/return/ok", null, returnQuery.get(), null, null), "\"statusCode\":303"),
                new Case("AxerveNotificationFunction", "notification", Map.of(), () -> ev.http("GET /axerve/s2s",
                        "/axerve/s2s", null, fx.payAtAxerve(fx.start(null)), null, null), "\"statusCode\":200"),
                new Case("ReconcilerFunction", "reconcile", reconcilerClock, () -> {
                    fx.stuckPayment();
                    return ev.file("reconciler-tick.json");
                }, "\"resolved\":1"),
                new Case("RefundPaymentFunction", "refund", Map.of(), () -> ev.paymentOperation("refunds",
                        fx.paidPayment(false), "{\"refundId\":\"" + BenchFixtures.orderId("r") + "\",\"amount\":"
                                + "\"4.90\"}", key), "\"statusCode\":201"),
                new Case("CancelPaymentFunction", "cancel-payment", Map.of(), () -> ev.paymentOperation("cancel",
                        fx.paidPayment(true), "{}", key), "\"statusCode\":200"),
                new Case("CapturePaymentFunction", "capture", Map.of(), () -> ev.paymentOperation("capture",
                        fx.paidPayment(true), "{}", key), "\"statusCode\":200"),
                new Case("OutboxPublisherFunction", "publish", Map.of(), () -> ev.stream(fx.unpublishedOutbox()),
                        "\"batchItemFailures\":\\[\\]", "(?s)outbox published.*outbox published"),
                new Case("GetAgreementFunction", "get-agreement", Map.of(), () -> ev.agreement("GET", null,
                        agreement.get(), null, key), "\"statusCode\":200"),
                new Case("ChargeAgreementFunction", "charge-agreement", Map.of(), () -> ev.agreement("POST",
                        "charges", fx.agreement(), "{\"chargeId\":\"" + BenchFixtures.orderId("upsell")
                                + "\",\"amount\":\"4.50\",\"currency\":\"EUR\"}", key), "\"statusCode\":201"),
                new Case("CancelAgreementFunction", "cancel-agreement", Map.of(), () -> ev.agreement("POST",
                        "cancel", fx.agreement(), null, key), "\"statusCode\":200"),
                new Case("ResumeAgreementFunction", "resume-agreement", Map.of(), () -> ev.agreement("POST",
                        "resume", fx.suspendedAgreement(), null, key), "\"statusCode\":200"),
                new Case("WidgetPaymentFunction", "widget-payment", Map.of(), () -> ev.http("POST /payments/widget",
                        "/payments/widget", null, null, fx.widgetBody(), key), "\"statusCode\":201"),
                new Case("RecurringScheduleFunction", "schedule", scheduleClock, () -> {
                    fx.dueAgreement();
                    return ev.file("reconciler-tick.json");
                }, "complete", "\"enqueued\":1\\b"),
                new Case("ChargeWorkerFunction", "charge-worker", scheduleClock, fx::scheduledCharge,
                        "\"batchItemFailures\":\\[\\]", "charge settled SUCCEEDED")));
        List<String> missing = new ArrayList<>(stack.functionIds());
        missing.removeAll(cases.stream().map(Case::functionId).toList());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no benchmark case for " + missing);
        }
        return cases;
    }

    void run(int runs, List<Case> cases) throws Exception {
        System.out.printf("functions run by %s, %d runs each after 1 discarded, interleaved%n%n",
                ManagedRuntime.javaExecutable(), runs);
        System.out.println("| function | cold start, unprimed | reference (same I/O by hand) | ratio | first "
                + "invocation, unprimed | SnapStart: first invocation after priming | warm invocation | ratio | "
                + "restore hook (reconnect) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Case c : cases) {
            List<Long> cold = new ArrayList<>();
            List<Long> ref = new ArrayList<>();
            List<Long> firstUnprimed = new ArrayList<>();
            List<Long> firstPrimed = new ArrayList<>();
            List<Long> warm = new ArrayList<>();
            List<Long> restore = new ArrayList<>();
            FunctionSandbox.Spec fn = spec(c.functionId()).withEnvironment(c.env());
            FunctionSandbox.Spec reference = referenceSpec(fn, c.referenceIo());
            for (int i = 0; i <= runs; i++) {
                Run f;
                Run r;
                if (i % 2 == 0) {
                    f = cold(fn, c, true);
                    r = cold(reference, c, false);
                } else {
                    r = cold(reference, c, false);
                    f = cold(fn, c, true);
                }
                long[] primed = primed(fn.withSnapStart(true), c);
                if (i == 0) {
                    continue; // warm-up: page cache, the simulator's and DynamoDB Local's JIT
                }
                cold.add(f.coldMs());
                firstUnprimed.add(f.firstMs());
                ref.add(r.coldMs());
                firstPrimed.add(primed[0]);
                warm.add(primed[1]);
                if (primed[2] >= 0) {
                    restore.add(primed[2]);
                }
            }
            long mc = median(cold);
            long mr = median(ref);
            long mp = median(firstPrimed);
            long mw = median(warm);
            System.out.printf("| %s | %d ms | %d ms | %.2fx | %d ms | %d ms | %d ms | %.2fx | %s |%n", c.functionId(),
                    mc, mr, (double) mc / mr, median(firstUnprimed), mp, mw, (double) mp / Math.max(1, mw),
                    restore.isEmpty() ? "none" : median(restore) + " ms");
        }
    }

    /**
     * Each function and its reference once, on-demand, with every endpoint behind an {@link IoRecorder}: the remote
     * calls of the invocation (not of INIT), side by side.
     */
    void trace(List<Case> cases) throws Exception {
        try (IoRecorder rec = IoRecorder.start()) {
            FunctionSandbox.Spec any = spec("StartPaymentFunction");
            Map<String, String> fronts = new LinkedHashMap<>();
            fronts.put(any.environment().get("DYNAMODB_ENDPOINT"), rec.front("dynamodb",
                    any.environment().get("DYNAMODB_ENDPOINT")));
            fronts.put(any.environment().get("AXERVE_ENV"), rec.front("axerve", any.environment().get("AXERVE_ENV")));
            fronts.put(any.environment().get("EVENTS_ENDPOINT"), rec.front("events",
                    any.environment().get("EVENTS_ENDPOINT")));
            fronts.put(any.environment().get("SQS_ENDPOINT"), rec.front("sqs", any.environment().get("SQS_ENDPOINT")));
            System.out.println("| function | its remote calls, in order | reference's | same calls |");
            System.out.println("|---|---|---|---|");
            for (Case c : cases) {
                FunctionSandbox.Spec fn = recorded(spec(c.functionId()).withEnvironment(c.env()), fronts);
                List<IoRecorder.Call> f = traced(fn, c, true, rec);
                List<IoRecorder.Call> r = traced(recorded(referenceSpec(spec(c.functionId()).withEnvironment(c.env()),
                        c.referenceIo()), fronts), c, false, rec);
                List<String> fo = f.stream().map(IoRecorder.Call::op).toList();
                List<String> ro = r.stream().map(IoRecorder.Call::op).toList();
                // the schedule scans its shards in order, and where its due agreement falls depends on the
                // agreement's random id, which differs between the two sides' fresh states
                boolean sameCounts = fo.stream().sorted().toList().equals(ro.stream().sorted().toList());
                System.out.printf("| %s | %s | %s | %s |%n", c.functionId(), join(f), join(r),
                        fo.equals(ro) ? "yes" : sameCounts ? "yes, in another order" : "**no**");
            }
            Path soap = refRoots.resolve("trace-soap.txt");
            Files.write(soap, rec.soapBodies());
            System.out.println("\nthe SOAP requests of both sides: " + soap);
        }
    }

    private static String join(List<IoRecorder.Call> calls) {
        return String.join(", ", calls.stream().map(IoRecorder.Call::toString).toList());
    }

    /** The endpoints (not the queue's URL, which SQS reads from the request) through the recorder. */
    private static FunctionSandbox.Spec recorded(FunctionSandbox.Spec spec, Map<String, String> fronts) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String k : List.of("DYNAMODB_ENDPOINT", "AXERVE_ENV", "EVENTS_ENDPOINT", "SQS_ENDPOINT")) {
            String v = spec.environment().get(k);
            if (v != null && fronts.containsKey(v)) {
                env.put(k, fronts.get(v));
            }
        }
        return spec.withEnvironment(env);
    }

    private static List<IoRecorder.Call> traced(FunctionSandbox.Spec spec, Case c, boolean function, IoRecorder rec)
            throws Exception {
        String event = c.fixture().next();
        LogTail tail = new LogTail(line -> { });
        try (FunctionSandbox s = FunctionSandbox.launch(spec, sharedRoots, tail)) {
            require(s.awaitInit(RehearsalStack.INIT_TIMEOUT));
            rec.take();
            tail.clear();
            requireOk(s, s.invoke(event, Duration.ofSeconds(20)), function ? c : null, tail);
            return rec.take();
        }
    }

    /** The event is prepared before the JVM is launched: the timed span is the launch, INIT and the invocation. */
    private static Run cold(FunctionSandbox.Spec spec, Case c, boolean function) throws Exception {
        String event = c.fixture().next();
        LogTail tail = new LogTail(line -> { });
        try (FunctionSandbox s = FunctionSandbox.launch(spec, sharedRoots, tail)) {
            long t0 = s.launchedNanos();
            require(s.awaitInit(RehearsalStack.INIT_TIMEOUT));
            long tInit = System.nanoTime();
            RuntimeApiEmulator.InvocationOutcome o = s.invoke(event, Duration.ofSeconds(5));
            long t1 = System.nanoTime();
            requireOk(s, o, function ? c : null, tail);
            return new Run((t1 - t0) / 1_000_000, (tInit - t0) / 1_000_000, (t1 - tInit) / 1_000_000);
        }
    }

    /**
     * SnapStart: INIT with the checkpoint and restore hooks, then the first invocation and the median of 5 more, each
     * on its own fresh state prepared between invocations (so the warm ones do the same work as the first); the
     * third figure is the restore hook's reconnect as the function logs it (-1 when it logs none). That time is
     * part of Lambda's restore, before the first invocation, so it is shown on its own and not hidden.
     */
    private static long[] primed(FunctionSandbox.Spec spec, Case c) throws Exception {
        AtomicLong reconnect = new AtomicLong(-1);
        Pattern latency = Pattern.compile("\"latencyMs\":(\\d+)");
        LogTail tail = new LogTail(line -> {
            if (line.contains("reconnected after the restore")) {
                Matcher m = latency.matcher(line);
                if (m.find()) {
                    reconnect.set(Long.parseLong(m.group(1)));
                }
            }
        });
        try (FunctionSandbox s = FunctionSandbox.launch(spec, sharedRoots, tail)) {
            require(s.awaitInit(RehearsalStack.INIT_TIMEOUT));
            String event = c.fixture().next();
            tail.clear();
            long t0 = System.nanoTime();
            RuntimeApiEmulator.InvocationOutcome o = s.invoke(event, Duration.ofSeconds(5));
            long first = (System.nanoTime() - t0) / 1_000_000;
            requireOk(s, o, c, tail);
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                event = c.fixture().next();
                tail.clear();
                long w0 = System.nanoTime();
                o = s.invoke(event, Duration.ofSeconds(5));
                warm.add((System.nanoTime() - w0) / 1_000_000);
                requireOk(s, o, c, tail);
            }
            return new long[] {first, median(warm), reconnect.get()};
        }
    }

    /** The function's log lines since {@link #clear()}: what one invocation logged. */
    private static final class LogTail implements java.util.function.Consumer<String> {
        private final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.function.Consumer<String> also;

        LogTail(java.util.function.Consumer<String> also) {
            this.also = also;
        }

        @Override
        public void accept(String line) {
            lines.add(line);
            also.accept(line);
        }

        void clear() {
            lines.clear();
        }

        /** Whether the lines show {@code pattern} within 5 s (the log is read apart from the answer). */
        boolean shows(String pattern) throws InterruptedException {
            Pattern p = Pattern.compile(pattern);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!p.matcher(String.join("\n", lines)).find()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(20);
            }
            return true;
        }
    }

    private static final String REFERENCE_HANDLER = "com.axpay.rehearsal.bench.ReferenceHandler";

    private static com.axpay.lambdarun.TaskRoots sharedRoots = new com.axpay.lambdarun.TaskRoots();

    /**
     * The function's own jar unpacked (again when the jar changed), plus {@link ReferenceHandler}'s classes as built
     * now: the same libraries, none of our wiring.
     */
    private FunctionSandbox.Spec referenceSpec(FunctionSandbox.Spec fn, String io) throws IOException {
        Path root = refRoots.resolve(fn.codeJar().getFileName() + "-reference");
        Path marker = root.resolve(".unpacked-from");
        String jar = Files.size(fn.codeJar()) + " " + Files.getLastModifiedTime(fn.codeJar());
        if (!Files.isRegularFile(marker) || !Files.readString(marker).equals(jar)) {
            deleteTree(root);
            unzip(fn.codeJar(), root);
            Files.writeString(marker, jar);
        }
        // by name: the bench's own class path need not hold every SDK the handler's cases use
        Path dir = Path.of(URI(ColdStartBench.class)).resolve("com/axpay/rehearsal/bench");
        Path target = Files.createDirectories(root.resolve("com/axpay/rehearsal/bench"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("ReferenceHandler")).toList()) {
                Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Map<String, String> env = new LinkedHashMap<>(fn.environment());
        env.put("REFERENCE_IO", io);
        return new FunctionSandbox.Spec("Reference" + fn.name(), REFERENCE_HANDLER + "::handleRequest", root,
                fn.memoryMb(), fn.timeoutSeconds(), fn.region(), env, false);
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static java.net.URI URI(Class<?> type) {
        try {
            return type.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unzip(Path jar, Path into) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Path t = into.resolve(e.getName()).normalize();
                if (!t.startsWith(into)) {
                    throw new IOException("bad entry " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(zip, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void require(RuntimeApiEmulator.InitOutcome init) {
        if (!init.ok()) {
            throw new IllegalStateException("INIT failed: " + init);
        }
    }

    /**
     * A failed invocation or a 5xx stops the bench, and so does, for the function ({@code c} not null), an answer
     * without {@code c.expect()} or a log without {@code c.expectLog()}: every figure is of an invocation that did
     * its work. Checked after the timed span.
     */
    private static void requireOk(FunctionSandbox s, RuntimeApiEmulator.InvocationOutcome o, Case c, LogTail tail)
            throws InterruptedException {
        if (!o.ok() || o.body().matches("(?s).*\"statusCode\":5\\d\\d.*")
                || (c != null && !Pattern.compile(c.expect()).matcher(o.body()).find())
                || (c != null && c.expectLog() != null && !tail.shows(c.expectLog()))) {
            throw new IllegalStateException(s.spec().name() + " answered " + o + (c != null && c.expectLog() != null
                    ? " (its log must show " + c.expectLog() + ")" : "") + "\n" + s.log());
        }
    }

    private static long median(List<Long> values) {
        List<Long> v = values.stream().sorted().toList();
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /** The supplier's value, computed once on first use (a fixture shared by the read-only cases). */
    private static Supplier<String> memo(Fixture make) {
        return new Supplier<>() {
            private String value;

            @Override
            public synchronized String get() {
                if (value == null) {
                    try {
                        value = make.next();
                    } catch (Exception e) {
                        throw new IllegalStateException("fixture failed", e);
                    }
                }
                return value;
            }
        };
    }
}
