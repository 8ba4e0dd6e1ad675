package com.axpay.lambdarun;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One execution environment: a function's JVM under Lambda's runtime interface client, started from the function's
 * deployment jar with the managed runtime's options and environment, talking to its own {@link RuntimeApiEmulator}.
 * Not thread-safe for concurrent invocations (Lambda gives an environment one event at a time either).
 */
public final class FunctionSandbox implements AutoCloseable {

    /** A function as the template describes it; {@code environment} is the function's own variables. */
    public record Spec(String name, String handler, Path codeJar, int memoryMb, int timeoutSeconds, String region,
                       Map<String, String> environment, boolean snapStart) {
        public Spec {
            Objects.requireNonNull(name);
            Objects.requireNonNull(handler);
            Objects.requireNonNull(codeJar);
            environment = new LinkedHashMap<>(environment);
        }

        public Spec withEnvironment(Map<String, String> changes) {
            Map<String, String> e = new LinkedHashMap<>(environment);
            changes.forEach((k, v) -> {
                if (v == null) {
                    e.remove(k);
                } else {
                    e.put(k, v);
                }
            });
            return new Spec(name, handler, codeJar, memoryMb, timeoutSeconds, region, e, snapStart);
        }

        public Spec withSnapStart(boolean on) {
            return new Spec(name, handler, codeJar, memoryMb, timeoutSeconds, region, environment, on);
        }
    }

    /** Where a function's environment names its container credentials endpoint (SnapStart's credentials). */
    public static final String CONTAINER_CREDENTIALS_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    private static final int KEPT_LOG_LINES = 4000;
    /** Lambda gives a runtime 500 ms between SIGTERM and SIGKILL when it shuts an environment down. */
    static final Duration SHUTDOWN_GRACE = Duration.ofMillis(500);

    private final Spec spec;
    private final RuntimeApiEmulator api;
    private final Process process;
    private final long launchedNanos;
    private final Deque<String> logLines = new ArrayDeque<>();
    private volatile long initMillis = -1;

    private FunctionSandbox(Spec spec, RuntimeApiEmulator api, Process process, long launchedNanos,
                            Consumer<String> log) {
        this.spec = spec;
        this.api = api;
        this.process = process;
        this.launchedNanos = launchedNanos;
        Thread pump = new Thread(() -> pump(log), "log-" + spec.name());
        pump.setDaemon(true);
        pump.start();
        process.onExit().thenRun(() -> api.processEnded("the function's JVM exited with code " + process.exitValue()));
        api.init().thenRun(() -> initMillis = (System.nanoTime() - launchedNanos) / 1_000_000);
    }

    /**
     * Starts the function's JVM; INIT runs at once (as Lambda's on-demand or SnapStart INIT does).
     *
     * @param log receives every line the function writes (stdout and stderr), as CloudWatch would
     */
    public static FunctionSandbox launch(Spec spec, TaskRoots roots, Consumer<String> log) {
        Path taskRoot = roots.of(spec.codeJar());
        RuntimeApiEmulator api = RuntimeApiEmulator.start(spec.name(), spec.region(), spec.timeoutSeconds());
        List<String> command = new ArrayList<>();
        command.add(ManagedRuntime.javaExecutable().toString());
        command.addAll(ManagedRuntime.jvmOptions(spec.memoryMb()));
        Path jni = ManagedRuntime.jniLibrary();
        if (jni != null) {
            command.add("-D" + ManagedRuntime.JNI_PROPERTY + "=" + jni);
        }
        command.add("-cp");
        command.add(ManagedRuntime.classPath());
        command.add(ManagedRuntime.MAIN_CLASS);
        command.add(spec.handler());
        ProcessBuilder pb = new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(lambdaEnvironment(spec, taskRoot, api.hostAndPort()));
        long started = System.nanoTime();
        try {
            return new FunctionSandbox(spec, api, pb.start(), started, log);
        } catch (IOException e) {
            api.close();
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
    }

    /** The variables Lambda sets in every Java environment, then the function's own (which win, as in Lambda). */
    static Map<String, String> lambdaEnvironment(Spec spec, Path taskRoot, String runtimeApi) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        e.put("LANG", "en_US.UTF-8");
        e.put("TZ", ":UTC");
        e.put("_HANDLER", spec.handler());
        e.put("AWS_EXECUTION_ENV", "AWS_Lambda_java" + ManagedRuntime.JAVA_MAJOR);
        e.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
        e.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        e.put("AWS_LAMBDA_FUNCTION_VERSION", spec.snapStart() ? "1" : "$LATEST");
        e.put("AWS_LAMBDA_INITIALIZATION_TYPE", spec.snapStart() ? "snap-start" : "on-demand");
        e.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
        e.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/[" + e.get("AWS_LAMBDA_FUNCTION_VERSION") + "]sandbox");
        e.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        e.put("AWS_REGION", spec.region());
        e.put("AWS_DEFAULT_REGION", spec.region());
        e.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        e.put("LAMBDA_RUNTIME_DIR", ManagedRuntime.runtimeClientDir().toString());
        // the execution role's temporary credentials; only local services (DynamoDB Local, stand-ins) see them.
        // Lambda gives either these variables or, under SnapStart, container credentials
        // (AWS_CONTAINER_CREDENTIALS_FULL_URI, from the caller with its endpoint): never both
        if (!spec.environment().containsKey(CONTAINER_CREDENTIALS_URI)) {
            e.put("AWS_ACCESS_KEY_ID", "ASIALOCALREHEARSAL");
            e.put("AWS_SECRET_ACCESS_KEY", "local-rehearsal-secret");
            e.put("AWS_SESSION_TOKEN", "local-rehearsal-session-token");
        }
        e.putAll(spec.environment());
        return e;
    }

    private void pump(Consumer<String> log) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (logLines) {
                    logLines.addLast(line);
                    if (logLines.size() > KEPT_LOG_LINES) {
                        logLines.removeFirst();
                    }
                }
                log.accept(line);
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    public Spec spec() {
        return spec;
    }

    public RuntimeApiEmulator api() {
        return api;
    }

    /** Waits for the end of INIT: the first {@code invocation/next}, or an INIT (or restore) error. */
    public RuntimeApiEmulator.InitOutcome awaitInit(Duration timeout) {
        try {
            return api.init().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new RuntimeApiEmulator.InitOutcome(false, "Sandbox.Timedout",
                    "no INIT outcome within " + timeout.toMillis() + " ms", api.calls());
        } catch (ExecutionException e) {
            return new RuntimeApiEmulator.InitOutcome(false, "Runtime.ExitError", e.getCause().getMessage(),
                    api.calls());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Milliseconds from the JVM's launch to the end of INIT; -1 before. */
    public long initMillis() {
        return initMillis;
    }

    public long launchedNanos() {
        return launchedNanos;
    }

    /** Sends one event and waits for its outcome, at most the function's timeout plus {@code slack}. */
    public RuntimeApiEmulator.InvocationOutcome invoke(String event, Duration slack) {
        return RuntimeApiEmulator.await(api.invoke(event.getBytes(StandardCharsets.UTF_8)),
                Duration.ofSeconds(spec.timeoutSeconds()).plus(slack));
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The process id, for a person who wants to look at it. */
    public long pid() {
        return process.pid();
    }

    /** Waits for the JVM to exit by itself (as after an INIT error); its exit code, or null if still running. */
    public Integer awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The lines the function wrote so far (the last few thousand). */
    public List<String> logLines() {
        synchronized (logLines) {
            return List.copyOf(logLines);
        }
    }

    public String log() {
        return String.join("\n", logLines());
    }

    /**
     * Stops the environment as Lambda does: SIGTERM, then SIGKILL after a short grace; then the Runtime API.
     */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        api.close();
    }
}
