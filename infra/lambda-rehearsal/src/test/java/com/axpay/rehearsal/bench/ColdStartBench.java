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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Cold start under Lambda's runtime client ({@code bench/lambda-cold-start.sh}): for each function, JVM launch to its
 * first response, on-demand (unprimed), beside {@link ReferenceHandler} doing the same I/O by hand from the same
 * jar's libraries; and with SnapStart's INIT (priming hooks run, then restore), the first invocation beside a warm
 * one. Runs are interleaved (function, reference, SnapStart; the order flips every run), the first discarded.
 * Prints medians and ratios as a Markdown table. A tool, not a test: no assertion on time.
 */
public final class ColdStartBench {

    record Case(String functionId, String referenceIo, Supplier<String> event) {
    }

    record Run(long coldMs, long initMs, long firstMs) {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-n" -> runs = Integer.parseInt(args[++i]);
                case "-f" -> only.add(args[++i]);
                default -> throw new IllegalArgumentException("usage: ColdStartBench [-n runs] [-f FunctionId]...");
            }
        }
        try (RehearsalStack stack = new RehearsalStack()) {
            new ColdStartBench(stack).run(runs, only);
        }
    }

    private final RehearsalStack stack;
    private final Path refRoots;

    ColdStartBench(RehearsalStack stack) throws IOException {
        this.stack = stack;
        this.refRoots = Files.createDirectories(stack.root.resolve("infra/lambda-rehearsal/target/bench-task-roots"));
    }

    /** Both secrets as plain values on both sides, so neither pays for the extension. */
    private FunctionSandbox.Spec spec(String id) {
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("AXERVE_APIKEY_SECRET_ARN", null);
        plain.put("STOREFRONT_API_KEY_SECRET_ARN", null);
        plain.put("AXERVE_APIKEY", RehearsalStack.AXERVE_APIKEY);
        plain.put("STOREFRONT_API_KEY", RehearsalStack.STOREFRONT_KEY);
        return stack.spec(id).withEnvironment(plain);
    }

    void run(int runs, List<String> only) throws Exception {
        // a paid payment: GetPayment reads it, the S2S case replays Axerve's notification of it
        FunctionSandbox start = stack.launch(spec("StartPaymentFunction"));
        require(start.awaitInit(RehearsalStack.INIT_TIMEOUT));
        var answer = Events.parse(Events.parse(start.invoke(startEvent(), Duration.ofSeconds(5)).body())
                .path("body").asText());
        String paymentId = answer.path("paymentId").asText();
        String redirect = answer.path("redirectUrl").asText();
        start.close();
        String location = stack.returnLocation(redirect, "success");
        String query = location.substring(location.indexOf('?') + 1);
        String crypted = java.net.URLDecoder.decode(query.replaceAll(".*(?:^|&)b=([^&]*).*", "$1"),
                java.nio.charset.StandardCharsets.UTF_8);

        List<Case> cases = new ArrayList<>(List.of(
                new Case("StartPaymentFunction", "put+encrypt", ColdStartBench::startEvent),
                new Case("GetPaymentFunction", "get", () -> http("GET /payments/{paymentId}",
                        "/payments/" + paymentId, Map.of("paymentId", paymentId), null, null)),
                new Case("AxerveNotificationFunction", "decrypt+get", () -> http("GET /axerve/s2s", "/axerve/s2s",
                        null, query, null)),
                new Case("ChargeWorkerFunction", "get", () -> eventsOf().sqs("arn:aws:sqs:eu-south-1:"
                        + "123456789012:charges", Map.of("m-1", "{\"agreementId\":\"agr_0000000000000000000000"
                        + "0000000000\",\"cycle\":2,\"attempt\":1}")))));
        if (!only.isEmpty()) {
            cases.removeIf(c -> !only.contains(c.functionId()));
        }
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
            FunctionSandbox.Spec fn = spec(c.functionId());
            FunctionSandbox.Spec reference = referenceSpec(fn, c.referenceIo(), crypted);
            for (int i = 0; i <= runs; i++) {
                Run f;
                Run r;
                if (i % 2 == 0) {
                    f = cold(fn, c.event());
                    r = cold(reference, c.event());
                } else {
                    r = cold(reference, c.event());
                    f = cold(fn, c.event());
                }
                long[] primed = primed(fn.withSnapStart(true), c.event());
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

    private static Run cold(FunctionSandbox.Spec spec, Supplier<String> event) throws IOException {
        try (FunctionSandbox s = FunctionSandbox.launch(spec, sharedRoots, line -> { })) {
            long t0 = s.launchedNanos();
            require(s.awaitInit(RehearsalStack.INIT_TIMEOUT));
            long tInit = System.nanoTime();
            RuntimeApiEmulator.InvocationOutcome o = s.invoke(event.get(), Duration.ofSeconds(5));
            long t1 = System.nanoTime();
            requireOk(spec, o, s);
            return new Run((t1 - t0) / 1_000_000, (tInit - t0) / 1_000_000, (t1 - tInit) / 1_000_000);
        }
    }

    /**
     * SnapStart: INIT with the checkpoint and restore hooks, then the first invocation and the median of 5 more; the
     * third figure is the restore hook's reconnect as the function logs it (-1 when it logs none). That time is
     * part of Lambda's restore, before the first invocation, so it is shown on its own and not hidden.
     */
    private static long[] primed(FunctionSandbox.Spec spec, Supplier<String> event) {
        AtomicLong reconnect = new AtomicLong(-1);
        Pattern latency = Pattern.compile("\"latencyMs\":(\\d+)");
        try (FunctionSandbox s = FunctionSandbox.launch(spec, sharedRoots, line -> {
            if (line.contains("reconnected after the restore")) {
                Matcher m = latency.matcher(line);
                if (m.find()) {
                    reconnect.set(Long.parseLong(m.group(1)));
                }
            }
        })) {
            require(s.awaitInit(RehearsalStack.INIT_TIMEOUT));
            long t0 = System.nanoTime();
            requireOk(spec, s.invoke(event.get(), Duration.ofSeconds(5)), s);
            long first = (System.nanoTime() - t0) / 1_000_000;
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long w0 = System.nanoTime();
                requireOk(spec, s.invoke(event.get(), Duration.ofSeconds(5)), s);
                warm.add((System.nanoTime() - w0) / 1_000_000);
            }
            return new long[] {first, median(warm), reconnect.get()};
        }
    }

    private static com.axpay.lambdarun.TaskRoots sharedRoots = new com.axpay.lambdarun.TaskRoots();

    /** The function's own jar unpacked, plus {@link ReferenceHandler}: the same libraries, none of our wiring. */
    private FunctionSandbox.Spec referenceSpec(FunctionSandbox.Spec fn, String io, String crypted) throws IOException {
        Path root = refRoots.resolve(fn.codeJar().getFileName() + "-reference");
        if (!Files.isDirectory(root)) {
            unzip(fn.codeJar(), root);
            Path classes = Path.of(URI(ReferenceHandler.class));
            Path dir = classes.resolve("com/axpay/rehearsal/bench");
            Path target = Files.createDirectories(root.resolve("com/axpay/rehearsal/bench"));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith("ReferenceHandler")).toList()) {
                    Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Map<String, String> env = new LinkedHashMap<>(fn.environment());
        env.put("REFERENCE_IO", io);
        env.put("REFERENCE_CRYPTED", crypted);
        return new FunctionSandbox.Spec("Reference" + fn.name(), ReferenceHandler.class.getName()
                + "::handleRequest", root, fn.memoryMb(), fn.timeoutSeconds(), fn.region(), env, false);
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

    private static void requireOk(FunctionSandbox.Spec spec, RuntimeApiEmulator.InvocationOutcome o,
                                  FunctionSandbox s) {
        if (!o.ok() || o.body().matches("(?s).*\"statusCode\":5\\d\\d.*")) {
            throw new IllegalStateException(spec.name() + " answered " + o + "\n" + s.log());
        }
    }

    private static long median(List<Long> values) {
        List<Long> v = values.stream().sorted().toList();
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private static com.axpay.rehearsal.Events events;

    private static synchronized com.axpay.rehearsal.Events eventsOf() {
        if (events == null) {
            events = new com.axpay.rehearsal.Events(RehearsalStack.repositoryRoot().resolve("events"));
        }
        return events;
    }

    private static String http(String routeKey, String path, Map<String, String> params, String query, String body) {
        return eventsOf().http(routeKey, path, params, query, body, RehearsalStack.STOREFRONT_KEY);
    }

    private static String startEvent() {
        return http("POST /payments", "/payments", null, null, "{\"orderId\":\"bench-" + UUID.randomUUID()
                .toString().substring(0, 12) + "\",\"amount\":\"19.90\",\"currency\":\"EUR\",\"returnUrl\":\""
                + RehearsalStack.RETURN_URL + "\"}");
    }
}
