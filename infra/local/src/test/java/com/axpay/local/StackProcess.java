package com.axpay.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code infra/local/run} as a fresh process, as the README starts it: default settings except free ports. Its
 * output is kept (and copied to {@code target/<name>.log}); {@link #stop()} sends SIGTERM.
 */
final class StackProcess implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    static final String STOREFRONT_KEY = StackSettings.DEFAULT_STOREFRONT_KEY;
    /** The stack's settings and the handlers' variables: a caller's values would change the "default" run. */
    private static final List<String> INHERITED_SETTINGS = List.of("API_PORT", "AXERVE_SIM_PORT", "DDB_PORT",
            "SQS_PORT", "LOCAL_CLOCK_FILE", "SQS_ENDPOINT", "CHARGE_QUEUE_URL", "DUNNING_RETRY_DELAYS", "DDB_MODE", "DDB_ENDPOINT", "DDB_DATA_DIR", "AXERVE_ENV", "AXERVE_SHOP_LOGIN", "AXERVE_APIKEY",
            "STOREFRONT_API_KEY", "LOCAL_TEMPLATE", "LOCAL_SCHEDULES", "LOCAL_JAVA_OPTS",
            StackSettings.AXERVE_ENV_SETTING, "RETURN_URL_ALLOWLIST", "DEFAULT_RETURN_URL", "PAYMENTS_TABLE",
            "DYNAMODB_ENDPOINT", "AXERVE_APIKEY_SECRET_ARN", "STOREFRONT_API_KEY_SECRET_ARN");

    final int apiPort;
    final int simulatorPort;
    final int dynamoDbPort;
    final int sqsPort;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread reader;

    private StackProcess(String name, Map<String, String> settings) throws IOException {
        int[] ports = freePorts(4);
        apiPort = ports[0];
        simulatorPort = ports[1];
        dynamoDbPort = ports[2];
        sqsPort = ports[3];
        Path root = repositoryRoot();
        ProcessBuilder pb = new ProcessBuilder(root.resolve("infra/local/run").toString())
                .directory(root.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        INHERITED_SETTINGS.forEach(env::remove);
        env.put("API_PORT", Integer.toString(apiPort));
        env.put("AXERVE_SIM_PORT", Integer.toString(simulatorPort));
        env.put("DDB_PORT", Integer.toString(dynamoDbPort));
        env.put("SQS_PORT", Integer.toString(sqsPort));
        env.putAll(settings);
        process = pb.start();
        Path logFile = root.resolve("infra/local/target/" + name + ".log");
        reader = new Thread(() -> copyOutput(logFile), "stack-output-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the stack and waits (bounded) for its {@code ready} line. */
    static StackProcess start(String name) throws Exception {
        return start(name, Map.of());
    }

    /** Starts the stack with these settings added (e.g. {@code LAMBDA_RUNTIME=process}). */
    static StackProcess start(String name, Map<String, String> settings) throws Exception {
        StackProcess stack = new StackProcess(name, settings);
        if (!stack.ready.await(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            String out = stack.output();
            stack.close();
            throw new AssertionError("no ready line within " + READY_TIMEOUT + ":\n" + out);
        }
        return stack;
    }

    /** Starts the stack with these settings on top of its free ports, without waiting for anything. */
    static StackProcess launch(String name, Map<String, String> settings) throws IOException {
        return new StackProcess(name, settings);
    }

    /** Waits (bounded) for the process to end by itself; true if it did. */
    boolean awaitExit(Duration within) throws InterruptedException {
        boolean ended = process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        if (ended) {
            reader.join(5_000);
        }
        return ended;
    }

    /** The module's directory is the working directory of surefire/failsafe; the repository is two levels up. */
    static Path repositoryRoot() {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        if (!Files.isRegularFile(root.resolve("infra/local/run"))) {
            throw new IllegalStateException("not run from infra/local: " + Path.of("").toAbsolutePath());
        }
        return root;
    }

    String apiBase() {
        return "http://127.0.0.1:" + apiPort;
    }

    Process process() {
        return process;
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** SIGTERM, then waits (bounded) for the process to end; true if it ended by itself. */
    boolean stop() throws InterruptedException {
        // the handle's destroy only signals; Process.destroy would also close our end of its output first
        process.toHandle().destroy();
        boolean ended = process.waitFor(30, TimeUnit.SECONDS);
        reader.join(5_000);
        return ended;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() && !stop()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void copyOutput(Path logFile) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.println(line);
                synchronized (lines) {
                    lines.add(line);
                }
                if (line.startsWith("local stack ready")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended; what was read is kept
        }
    }

    static boolean portIsFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
        return ports;
    }
}
