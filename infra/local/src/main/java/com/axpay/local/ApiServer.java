package com.axpay.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stack's one HTTP port on 127.0.0.1: {@code /_local/*} (health, schedules, events, demo storefront) first, then the
 * template's routes through {@link ApiGateway}, then the storefront's home page, then API Gateway's 404.
 */
final class ApiServer implements AutoCloseable {

    static final String SCHEDULES_PATH = "/_local/schedules";
    static final String CLOCK_PATH = "/_local/clock";

    private final HttpServer server;
    private final ExecutorService workers;
    private final ApiGateway gateway;
    private final Schedules schedules;
    private final DemoStorefront storefront;
    private final LocalEvents events;
    private final LocalClockControl clock;
    private final PrintStream log;

    ApiServer(int port, ApiGateway gateway, Schedules schedules, DemoStorefront storefront, PrintStream log)
            throws IOException {
        this(port, gateway, schedules, storefront, new LocalEvents(), null, log);
    }

    /** @param clock the test clock behind {@code /_local/clock}, or null (then that route answers 404) */
    ApiServer(int port, ApiGateway gateway, Schedules schedules, DemoStorefront storefront, LocalEvents events,
              LocalClockControl clock, PrintStream log) throws IOException {
        this.events = events;
        this.clock = clock;
        this.gateway = gateway;
        this.schedules = schedules;
        this.storefront = storefront;
        this.log = log;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "api-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(workers);
        server.createContext("/", this::route);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void route(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            if (path.equals("/_local/health")) {
                json(ex, 200, Map.of("status", "ok"));
            } else if (path.startsWith(SCHEDULES_PATH)) {
                schedule(ex, path.substring(SCHEDULES_PATH.length()));
            } else if (path.equals(CLOCK_PATH) && clock != null) {
                clock(ex);
            } else if (events.handle(ex)) {
                return; // the event bus: PutEvents and GET /_local/events
            } else if (!(path.startsWith("/_local/") ? storefront.handle(ex)
                    : gateway.handle(ex) || storefront.handle(ex))) {
                ApiGatewayResponses.message(ex, 404, "Not Found", "local-" + System.nanoTime());
            }
        } catch (RuntimeException e) {
            log.println("[api] " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " failed: " + e);
            e.printStackTrace(log);
            ApiGatewayResponses.internalError(ex, "local-" + System.nanoTime());
        } finally {
            ex.close();
        }
    }

    /** {@code GET /_local/schedules} lists them; {@code POST /_local/schedules/{FunctionLogicalId}} fires one now. */
    private void schedule(HttpExchange ex, String rest) throws IOException {
        if (rest.isEmpty() || rest.equals("/")) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (SamTemplate.Schedule s : schedules.all()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("function", s.functionId());
                m.put("event", s.eventName());
                m.put("type", s.type());
                m.put("expression", s.expression());
                m.put("enabled", s.enabled());
                m.put("timed", s.enabled() && Schedules.period(s.expression()).isPresent());
                list.add(m);
            }
            json(ex, 200, list);
            return;
        }
        if (!ex.getRequestMethod().equals("POST")) {
            ex.getResponseHeaders().set("Allow", "POST");
            json(ex, 405, Map.of("message", "Method Not Allowed"));
            return;
        }
        String query = ex.getRequestURI().getQuery();
        String eventName = query != null && query.startsWith("event=") ? query.substring(6) : null;
        var schedule = schedules.find(rest.substring(1), eventName);
        if (schedule.isEmpty()) {
            json(ex, 404, Map.of("message", "No schedule for function " + rest.substring(1)));
            return;
        }
        try {
            Object result = schedules.fire(schedule.get());
            byte[] body = Json.write(result).getBytes(StandardCharsets.UTF_8);
            send(ex, 200, body);
        } catch (LambdaFunction.InvocationException e) {
            json(ex, 500, Map.of("errorType", e.errorType(), "errorMessage", e.errorMessage()));
        }
    }

    /**
     * {@code GET /_local/clock}: the functions' time and offset; {@code POST /_local/clock {"advance": "P1M"}} moves
     * it forward (ISO-8601 period or duration); {@code DELETE} resets it to the real time.
     */
    private void clock(HttpExchange ex) throws IOException {
        switch (ex.getRequestMethod()) {
            case "GET" -> { }
            case "DELETE" -> clock.reset();
            case "POST" -> {
                Object advance;
                try {
                    advance = Json.MAPPER.readValue(ex.getRequestBody(), Map.class).get("advance");
                } catch (IOException e) {
                    advance = null;
                }
                try {
                    clock.advance(advance instanceof String a ? a : null);
                } catch (IllegalArgumentException e) {
                    json(ex, 400, Map.of("message", e.getMessage()));
                    return;
                }
            }
            default -> {
                ex.getResponseHeaders().set("Allow", "GET, POST, DELETE");
                json(ex, 405, Map.of("message", "Method Not Allowed"));
                return;
            }
        }
        json(ex, 200, Map.of("now", clock.now().toString(), "offset", clock.offset().toString()));
    }

    private static void json(HttpExchange ex, int status, Object value) throws IOException {
        send(ex, status, Json.write(value).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
