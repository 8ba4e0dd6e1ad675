package com.axpay.local;

import com.axpay.cfn.CfnYaml;
import com.axpay.lambdarun.FunctionSandbox;
import com.axpay.lambdarun.ManagedRuntime;
import com.axpay.lambdarun.RuntimeApiEmulator;
import com.axpay.lambdarun.TaskRoots;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Process mode ({@code LAMBDA_RUNTIME=process}): every function runs as Lambda runs it, in a JVM of its own under
 * Lambda's runtime interface client, from its CodeUri jar, with the managed runtime's JVM options, fed through a
 * Runtime API emulator. An environment starts on a function's first request (a real cold start, logged with its
 * time), serves one event at a time and is reused while warm; a concurrent request starts another one, as Lambda
 * scales; an environment idle for {@code LAMBDA_IDLE_SECONDS} is stopped.
 */
final class ProcessFunctions implements AutoCloseable {

    static final String MODE_VARIABLE = "LAMBDA_RUNTIME";
    static final String IDLE_VARIABLE = "LAMBDA_IDLE_SECONDS";
    static final String MAX_ENVIRONMENTS_VARIABLE = "LAMBDA_MAX_ENVIRONMENTS";
    static final Duration DEFAULT_IDLE = Duration.ofMinutes(5);
    static final Duration INIT_TIMEOUT = Duration.ofSeconds(60);

    private record Warm(FunctionSandbox sandbox, long idleSinceNanos) {
    }

    private final Map<String, FunctionSandbox.Spec> specs;
    private final Duration idleTimeout;
    private final PrintStream out;
    private final TaskRoots taskRoots = new TaskRoots();
    private final Map<String, Deque<Warm>> warm = new ConcurrentHashMap<>();
    /** Environments per function: a request beyond them waits for one (a laptop is not Lambda's fleet). */
    private final Map<String, java.util.concurrent.Semaphore> environments = new ConcurrentHashMap<>();
    private final int maxEnvironments;
    private final List<FunctionSandbox> busy = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "process-functions-reaper");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    ProcessFunctions(Map<String, FunctionSandbox.Spec> specs, Duration idleTimeout, int maxEnvironments,
                     PrintStream out) {
        this.specs = specs;
        this.maxEnvironments = maxEnvironments;
        this.idleTimeout = idleTimeout;
        this.out = out;
        long period = Math.max(1, Math.min(10, idleTimeout.toSeconds() / 2));
        reaper.scheduleWithFixedDelay(this::stopIdle, period, period, TimeUnit.SECONDS);
    }

    /** Null unless {@code LAMBDA_RUNTIME=process}; {@code in-process} (the default) keeps every function here. */
    static ProcessFunctions fromEnvironment(Map<String, String> env, SamTemplate template,
                                            Map<String, String> handlerEnvironment, String region, PrintStream out)
            throws IOException {
        String mode = env.getOrDefault(MODE_VARIABLE, "in-process").strip();
        if (mode.equals("in-process") || mode.isEmpty()) {
            return null;
        }
        if (!mode.equals("process")) {
            throw new IllegalArgumentException(MODE_VARIABLE + " must be in-process or process, got '" + mode + "'");
        }
        Duration idle = DEFAULT_IDLE;
        String idleValue = env.get(IDLE_VARIABLE);
        if (idleValue != null && !idleValue.isBlank()) {
            try {
                idle = Duration.ofSeconds(Long.parseLong(idleValue.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(IDLE_VARIABLE + " must be a number of seconds");
            }
            if (idle.isNegative() || idle.isZero()) {
                throw new IllegalArgumentException(IDLE_VARIABLE + " must be positive");
            }
        }
        int max = 1;
        String maxValue = env.get(MAX_ENVIRONMENTS_VARIABLE);
        if (maxValue != null && !maxValue.isBlank()) {
            try {
                max = Integer.parseInt(maxValue.strip());
            } catch (NumberFormatException e) {
                max = 0;
            }
            if (max < 1 || max > 16) {
                throw new IllegalArgumentException(MAX_ENVIRONMENTS_VARIABLE + " must be 1..16");
            }
        }
        Map<String, Object> raw = CfnYaml.load(template.file());
        Map<String, FunctionSandbox.Spec> specs = new LinkedHashMap<>();
        for (SamTemplate.FunctionDef f : template.functions()) {
            Map<String, String> e = new LinkedHashMap<>(f.environment());
            e.putAll(handlerEnvironment); // the stack's wiring; null removes
            e.values().removeIf(java.util.Objects::isNull);
            specs.put(f.logicalId(), new FunctionSandbox.Spec(f.logicalId(), f.handler(), f.codeUri(),
                    memoryOf(raw, f.logicalId()), f.timeoutSeconds(), region, e, false));
        }
        out.println("local stack: process mode: each function in its own JVM under Lambda's runtime client ("
                + ManagedRuntime.javaExecutable() + "), started on its first request, stopped after "
                + idle.toSeconds() + " s idle, at most " + max + " per function");
        return new ProcessFunctions(specs, idle, max, out);
    }

    @SuppressWarnings("unchecked")
    private static int memoryOf(Map<String, Object> raw, String logicalId) {
        Map<String, Object> resources = (Map<String, Object>) raw.getOrDefault("Resources", Map.of());
        Map<String, Object> fn = (Map<String, Object>) resources.getOrDefault(logicalId, Map.of());
        Object m = ((Map<String, Object>) fn.getOrDefault("Properties", Map.of())).get("MemorySize");
        if (m == null) {
            Map<String, Object> globals = (Map<String, Object>) raw.getOrDefault("Globals", Map.of());
            m = ((Map<String, Object>) globals.getOrDefault("Function", Map.of())).get("MemorySize");
        }
        try {
            return m == null ? 128 : Integer.parseInt(String.valueOf(m));
        } catch (NumberFormatException e) {
            return 1024; // an intrinsic: Lambda's console default for these functions
        }
    }

    /** One event through a warm environment of the function, or a new one (a cold start). */
    Object invoke(LambdaFunction function, Object event, Class<?> returnType) throws LambdaFunction.InvocationException {
        String id = function.id();
        var permits = environments.computeIfAbsent(id, k -> new java.util.concurrent.Semaphore(maxEnvironments, true));
        try {
            if (!permits.tryAcquire(function.timeoutSeconds() + INIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new LambdaFunction.InvocationException(id, "TooManyRequestsException",
                        "every environment of " + id + " stayed busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LambdaFunction.InvocationException(id, "Runtime.Stopped", "interrupted");
        }
        try {
            return invokeIn(id, event, returnType);
        } finally {
            permits.release();
        }
    }

    private Object invokeIn(String id, Object event, Class<?> returnType) throws LambdaFunction.InvocationException {
        FunctionSandbox sandbox = acquire(id);
        boolean reusable = false;
        try {
            RuntimeApiEmulator.InvocationOutcome o = sandbox.invoke(LambdaEventJson.write(event),
                    Duration.ofSeconds(5));
            reusable = sandbox.alive();
            if (!o.ok()) {
                var body = Json.MAPPER.readTree(o.body() == null || o.body().isBlank() ? "{}" : o.body());
                throw new LambdaFunction.InvocationException(id, body.path("errorType").asText(o.errorType()),
                        body.path("errorMessage").asText(o.body()));
            }
            return LambdaEventJson.read(o.body(), returnType);
        } catch (IOException e) {
            throw new LambdaFunction.InvocationException(id, "Runtime.InvalidResponse", e.getMessage());
        } finally {
            busy.remove(sandbox);
            if (reusable && !closed) {
                warm.computeIfAbsent(id, k -> new ConcurrentLinkedDeque<>()).push(new Warm(sandbox,
                        System.nanoTime()));
            } else {
                sandbox.close();
            }
        }
    }

    private FunctionSandbox acquire(String id) throws LambdaFunction.InvocationException {
        Deque<Warm> idle = warm.computeIfAbsent(id, k -> new ConcurrentLinkedDeque<>());
        for (Warm w; (w = idle.poll()) != null; ) {
            if (w.sandbox().alive()) {
                busy.add(w.sandbox());
                return w.sandbox();
            }
            w.sandbox().close();
        }
        if (closed) {
            throw new LambdaFunction.InvocationException(id, "Runtime.Stopped", "the local stack is stopping");
        }
        FunctionSandbox.Spec spec = specs.get(id);
        String prefix = "[" + id + "] ";
        FunctionSandbox s = FunctionSandbox.launch(spec, taskRoots, line -> out.println(prefix + line));
        busy.add(s);
        RuntimeApiEmulator.InitOutcome init = s.awaitInit(INIT_TIMEOUT);
        if (!init.ok()) {
            busy.remove(s);
            s.close();
            out.println(prefix + "INIT failed: " + init.errorType() + " " + init.body());
            throw new LambdaFunction.InvocationException(id, init.errorType(), "INIT failed: " + init.body());
        }
        out.printf("%scold start: JVM %d under the runtime client, INIT done in %d ms%n", prefix, s.pid(),
                s.initMillis());
        return s;
    }

    private void stopIdle() {
        long now = System.nanoTime();
        warm.forEach((id, idle) -> {
            List<Warm> stale = new ArrayList<>();
            idle.forEach(w -> {
                if (now - w.idleSinceNanos() >= idleTimeout.toNanos()) {
                    stale.add(w);
                }
            });
            for (Warm w : stale) {
                if (idle.remove(w)) {
                    w.sandbox().close();
                    out.println("[" + id + "] stopped after " + idleTimeout.toSeconds() + " s idle");
                }
            }
        });
    }

    /** How many environments of the function are warm (idle, alive) now. */
    int warmCount(String id) {
        return (int) warm.getOrDefault(id, new ConcurrentLinkedDeque<>()).stream()
                .filter(w -> w.sandbox().alive()).count();
    }

    @Override
    public void close() {
        closed = true;
        reaper.shutdownNow();
        List<FunctionSandbox> all = new ArrayList<>(busy);
        warm.values().forEach(d -> d.forEach(w -> all.add(w.sandbox())));
        warm.clear();
        all.parallelStream().forEach(FunctionSandbox::close);
        taskRoots.close();
    }
}
