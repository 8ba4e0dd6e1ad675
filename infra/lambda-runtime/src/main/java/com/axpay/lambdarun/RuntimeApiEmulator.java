package com.axpay.lambdarun;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lambda's Runtime API (version 2018-06-01) for one execution environment, on 127.0.0.1 and a free port: what a
 * runtime client polls for events and reports to. One emulator serves one function process, as each Lambda sandbox
 * has its own API.
 * <ul>
 *   <li>{@code GET /runtime/invocation/next}: blocks until an event is queued, answers it with Lambda's headers
 *       (request id, deadline, function ARN, trace id). The first call also means INIT is over.</li>
 *   <li>{@code POST /runtime/invocation/{id}/response} and {@code .../error}: the outcome of that event.</li>
 *   <li>{@code POST /runtime/init/error}: INIT failed (the body names what).</li>
 *   <li>{@code GET /runtime/restore/next} and {@code POST /runtime/restore/error}: SnapStart. A client reaches
 *       {@code restore/next} after the checkpoint hooks ran; the answer is the restore, so the restore hooks run
 *       next.</li>
 * </ul>
 */
public final class RuntimeApiEmulator implements AutoCloseable {

    static final String PREFIX = "/2018-06-01/runtime";
    static final String ACCOUNT_ID = "123456789012";

    /** The end of INIT: ready for events, or what the client reported instead. */
    public record InitOutcome(boolean ok, String errorType, String body, List<String> calls) {
    }

    /** An event's outcome: the response body, or the error's type (header) and body. */
    public record InvocationOutcome(String requestId, boolean ok, String errorType, String body) {
    }

    private record Pending(String requestId, byte[] payload, long deadlineMs, String traceId,
                           CompletableFuture<InvocationOutcome> outcome) {
    }

    private final String functionName;
    private final String functionArn;
    private final int timeoutSeconds;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "runtime-api");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<InitOutcome> init = new CompletableFuture<>();
    private final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger delivered = new AtomicInteger();
    private volatile boolean closed;
    private volatile String ended;

    private RuntimeApiEmulator(String functionName, String region, int timeoutSeconds) throws IOException {
        this.functionName = functionName;
        this.functionArn = "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + functionName;
        this.timeoutSeconds = timeoutSeconds;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext(PREFIX + "/", this::route);
        server.setExecutor(threads);
        server.start();
    }

    public static RuntimeApiEmulator start(String functionName, String region, int timeoutSeconds) {
        try {
            return new RuntimeApiEmulator(functionName, region, timeoutSeconds);
        } catch (IOException e) {
            throw new IllegalStateException("Runtime API emulator did not start", e);
        }
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public String functionArn() {
        return functionArn;
    }

    /** Completes when the client first asks for an event, or reports an INIT or restore error. */
    public CompletableFuture<InitOutcome> init() {
        return init;
    }

    /** How many events the client has taken: 0 means the environment is still in INIT (or restore). */
    public int deliveredInvocations() {
        return delivered.get();
    }

    /** The Runtime API calls so far, in order, as {@code "GET next"}-style names (for the SnapStart sequence). */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Queues one event; the future completes with the client's response or error. */
    public synchronized CompletableFuture<InvocationOutcome> invoke(byte[] payload) {
        if (closed) {
            throw new IllegalStateException("the Runtime API of " + functionName + " is closed");
        }
        if (ended != null) {
            return CompletableFuture.failedFuture(new IllegalStateException(functionName + ": " + ended));
        }
        String id = UUID.randomUUID().toString();
        Pending p = new Pending(id, payload, System.currentTimeMillis() + timeoutSeconds * 1000L, traceId(),
                new CompletableFuture<>());
        inFlight.put(id, p);
        p.outcome().whenComplete((o, e) -> inFlight.remove(id));
        queue.add(p);
        return p.outcome();
    }

    /** Fails every pending event and the INIT wait: the process behind this API is gone. */
    public synchronized void processEnded(String why) {
        ended = why;
        IllegalStateException gone = new IllegalStateException(functionName + ": " + why);
        init.completeExceptionally(gone);
        inFlight.values().forEach(p -> p.outcome().completeExceptionally(gone));
        queue.clear();
    }

    private void route(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath().substring(PREFIX.length());
            String method = ex.getRequestMethod();
            byte[] body = ex.getRequestBody().readAllBytes();
            String errorType = ex.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
            if (method.equals("GET") && path.equals("/invocation/next")) {
                calls.add("GET invocation/next");
                next(ex);
            } else if (method.equals("POST") && path.startsWith("/invocation/")
                    && (path.endsWith("/response") || path.endsWith("/error"))) {
                String rest = path.substring("/invocation/".length());
                String id = rest.substring(0, rest.lastIndexOf('/'));
                boolean ok = rest.endsWith("/response");
                calls.add("POST invocation/" + (ok ? "response" : "error"));
                Pending p = inFlight.get(id);
                if (p == null) {
                    send(ex, 400, "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                p.outcome().complete(new InvocationOutcome(id, ok, ok ? null : errorType,
                        new String(body, StandardCharsets.UTF_8)));
                send(ex, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.equals("/init/error")) {
                calls.add("POST init/error");
                init.complete(new InitOutcome(false, errorType, new String(body, StandardCharsets.UTF_8), calls()));
                send(ex, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("GET") && path.equals("/restore/next")) {
                // the checkpoint hooks have run; answering is the restore
                calls.add("GET restore/next");
                send(ex, 200, "");
            } else if (method.equals("POST") && path.equals("/restore/error")) {
                calls.add("POST restore/error");
                init.complete(new InitOutcome(false, errorType, new String(body, StandardCharsets.UTF_8), calls()));
                send(ex, 202, "{\"status\":\"OK\"}");
            } else {
                send(ex, 404, "{\"errorMessage\":\"not part of the Runtime API\",\"errorType\":\"NotFound\"}");
            }
        }
    }

    private void next(HttpExchange ex) throws IOException {
        init.complete(new InitOutcome(true, null, null, calls()));
        Pending p = null;
        try {
            while (p == null && !closed) {
                p = queue.poll(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (p == null) {
            send(ex, 500, "{\"errorMessage\":\"runtime API closed\",\"errorType\":\"ServiceException\"}");
            return;
        }
        delivered.incrementAndGet();
        var h = ex.getResponseHeaders();
        h.set("Content-Type", "application/json");
        h.set("Lambda-Runtime-Aws-Request-Id", p.requestId());
        h.set("Lambda-Runtime-Deadline-Ms", Long.toString(p.deadlineMs()));
        h.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        h.set("Lambda-Runtime-Trace-Id", p.traceId());
        ex.sendResponseHeaders(200, p.payload().length == 0 ? -1 : p.payload().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(p.payload());
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** X-Ray's format: Root=1-{epoch seconds hex}-{96 random bits hex};Parent=...;Sampled=0. */
    private static String traceId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        byte[] root = new byte[12];
        byte[] parent = new byte[8];
        r.nextBytes(root);
        r.nextBytes(parent);
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + hex.formatHex(root)
                + ";Parent=" + hex.formatHex(parent) + ";Sampled=0";
    }

    /** Waits for an outcome within {@code timeout}; a lapse is reported as Lambda's timeout. */
    public static InvocationOutcome await(CompletableFuture<InvocationOutcome> f, Duration timeout) {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return new InvocationOutcome(null, false, "Sandbox.Timedout",
                    "{\"errorMessage\":\"no answer within " + timeout.toMillis() + " ms\"}");
        } catch (java.util.concurrent.ExecutionException e) {
            return new InvocationOutcome(null, false, "Runtime.ExitError",
                    "{\"errorMessage\":\"" + String.valueOf(e.getCause().getMessage()).replace("\"", "'") + "\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        processEnded("closed");
        server.stop(0);
        threads.shutdownNow();
    }
}
