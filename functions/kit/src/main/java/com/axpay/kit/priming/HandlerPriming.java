package com.axpay.kit.priming;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.axpay.kit.log.JsonLog;
import com.fasterxml.jackson.jr.ob.JSON;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Before a SnapStart snapshot, the function's own handler answers canned events through its stream entry point,
 * built on a {@link Stage} of loopback stand-ins as the process built its real one: every class, lambda and
 * string-concatenation call site of the request path (validation, the use case's transitions, the item mapping, the
 * answer's JSON, the SDK's trace-id header) is linked before the snapshot instead of on the first real request.
 * The handler's log lines and metrics are built but not written ({@link JsonLog#muted}); no real secret is read;
 * nothing reaches AWS or Axerve. A failure is kept in the result, never thrown: an unprimed function is only slower.
 */
public final class HandlerPriming {

    /** The system property through which the runtime client hands each invocation's X-Ray trace header to the SDK. */
    static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";
    private static final String PRIMING_TRACE = "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0";
    private static final int MAX_ANSWER_CHARS = 200;

    private HandlerPriming() {
    }

    /** A module's part: for the handler class Lambda was told to load, what to prime it with. */
    @FunctionalInterface
    public interface Script {
        /**
         * Builds the handler on the stage's environment ({@link Stage#env()} plus the module's own stand-ins), puts
         * on the stage's table what its events need, and returns them; null when this module has no such handler.
         */
        Scene scene(String handlerClass, Stage stage);
    }

    /** A handler, the events it answers in order, and the wiring to close afterwards. */
    public record Scene(RequestStreamHandler handler, List<byte[]> events, AutoCloseable wiring) {
        public Scene {
            Objects.requireNonNull(handler);
            events = List.copyOf(events);
            Objects.requireNonNull(wiring);
        }
    }

    /**
     * What a handler priming did: the handler class, and per event the HTTP status of its answer (or, for a non-HTTP
     * function, its answer's JSON, cut to 200 characters; or {@code failed: <exception class>}).
     */
    public record Result(String handler, List<String> answers) {

        /**
         * For the log: each answer's status, {@code answered} for a non-HTTP answer (its JSON stays out of the log),
         * or the failure; {@code none} when the module has no scene for the handler.
         */
        public String outline() {
            if (answers.isEmpty()) {
                return "none";
            }
            return String.join(",", answers.stream()
                    .map(a -> a.matches("\\d{3}") || a.startsWith("failed: ") ? a : "answered").toList());
        }
    }

    /**
     * Primes the handler named by {@code handlerSpec} (Lambda's {@code _HANDLER}: {@code class::method}).
     *
     * @return null when skipped: no handler named, no script, no region known (the SDK's clients need one) or no
     * loopback port to bind
     */
    public static Result run(String handlerSpec, Map<String, String> env, Script script) {
        if (handlerSpec == null || handlerSpec.isBlank() || script == null || env.get("AWS_REGION") == null) {
            return null;
        }
        String handlerClass = handlerSpec.split("::", 2)[0].strip();
        Result result;
        try (Stage stage = Stage.start(env)) {
            result = JsonLog.muted(() -> perform(handlerClass, stage, script,
                    new PrimingContext(env.get("AWS_LAMBDA_FUNCTION_NAME"))));
        } catch (IOException e) {
            return null;
        }
        new JsonLog("Function").info("handler primed for the snapshot").reason(result.outline()).write();
        return result;
    }

    private static Result perform(String handlerClass, Stage stage, Script script, PrimingContext context) {
        List<String> answers = new ArrayList<>();
        String trace = System.getProperty(TRACE_HEADER_PROPERTY);
        System.setProperty(TRACE_HEADER_PROPERTY, PRIMING_TRACE);
        try {
            Scene scene = script.scene(handlerClass, stage);
            if (scene == null) {
                return new Result(handlerClass, List.of());
            }
            try (AutoCloseable wiring = scene.wiring()) {
                for (byte[] event : scene.events()) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    scene.handler().handleRequest(new ByteArrayInputStream(event), out, context);
                    answers.add(summary(out.toString(StandardCharsets.UTF_8)));
                }
            }
        } catch (Exception | LinkageError e) { // a LinkageError: a class the jar lacks; the snapshot goes on
            answers.add("failed: " + e.getClass().getName());
        } finally {
            if (trace == null) {
                System.clearProperty(TRACE_HEADER_PROPERTY);
            } else {
                System.setProperty(TRACE_HEADER_PROPERTY, trace);
            }
        }
        return new Result(handlerClass, List.copyOf(answers));
    }

    private static String summary(String answer) {
        try {
            Object status = JSON.std.mapFrom(answer).get("statusCode");
            if (status != null) {
                return status.toString();
            }
        } catch (IOException | RuntimeException e) {
            // not an object: kept as it is
        }
        return answer.length() > MAX_ANSWER_CHARS ? answer.substring(0, MAX_ANSWER_CHARS) : answer;
    }

    /**
     * An API Gateway (HTTP API, payload 2.0) request as Lambda delivers it, carrying the stage's storefront key.
     *
     * @param query the raw query string, or "" for none
     * @param body  the body, or null for none
     */
    public static byte[] httpEvent(String method, String routeKey, String path, Map<String, String> pathParameters,
                                   String query, String body) {
        Map<String, Object> http = Map.of("method", method, "path", path, "protocol", "HTTP/1.1",
                "sourceIp", "127.0.0.1", "userAgent", "priming");
        Map<String, Object> requestContext = Map.of("accountId", "000000000000", "apiId", "priming",
                "domainName", "priming.invalid", "http", http, "requestId", "priming", "routeKey", routeKey,
                "stage", "$default", "time", "01/Jan/2026:00:00:00 +0000", "timeEpoch", 0);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", query);
        event.put("headers", Map.of("authorization", "Bearer " + Stage.STOREFRONT_KEY,
                "content-type", "application/json", "user-agent", "priming"));
        event.put("requestContext", requestContext);
        if (!pathParameters.isEmpty()) {
            event.put("pathParameters", pathParameters);
        }
        if (!query.isEmpty()) {
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
            event.put("queryStringParameters", params);
        }
        if (body != null) {
            event.put("body", body);
            event.put("isBase64Encoded", false);
        }
        return json(event);
    }

    /** A value as JSON bytes (events of other sources, request bodies). */
    public static byte[] json(Object value) {
        try {
            return JSON.std.asBytes(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
