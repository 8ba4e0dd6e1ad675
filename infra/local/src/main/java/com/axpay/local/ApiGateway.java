package com.axpay.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The HTTP API in front of the functions: selects the template route, invokes its function with the 2.0 event and
 * writes the response back; one log line per request (function, route, status, latency), never headers or bodies.
 */
final class ApiGateway {

    /** API Gateway's payload limit. */
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final RouteTable routes;
    private final Map<String, LambdaFunction> functions;
    private final PrintStream log;

    ApiGateway(RouteTable routes, Map<String, LambdaFunction> functions, PrintStream log) {
        this.routes = routes;
        this.functions = functions;
        this.log = log;
        for (SamTemplate.HttpRoute r : routes.routes()) {
            LambdaFunction f = functions.get(r.functionId());
            if (!f.inputType().isAssignableFrom(APIGatewayV2HTTPEvent.class)) {
                throw new IllegalStateException("route " + r.routeKey() + ": " + f.handlerClass().getName()
                        + " takes " + f.inputType().getName() + ", not an APIGatewayV2HTTPEvent");
            }
        }
    }

    /** Handles the request if a template route matches it; false (nothing written) otherwise. */
    boolean handle(HttpExchange exchange) throws IOException {
        Optional<RouteTable.Match> match = routes.match(exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath());
        if (match.isEmpty()) {
            return false;
        }
        RouteTable.Match m = match.get();
        LambdaFunction function = functions.get(m.route().functionId());
        String requestId = UUID.randomUUID().toString();
        long start = System.nanoTime();
        int status;
        byte[] body = readBody(exchange);
        if (body == null) {
            status = ApiGatewayResponses.message(exchange, 413, "Request Entity Too Large", requestId);
        } else {
            APIGatewayV2HTTPEvent event = ApiGatewayEvents.from(exchange, m, body, requestId);
            Object result;
            try {
                result = function.invoke(() -> event);
                status = ApiGatewayResponses.write(exchange, result, requestId);
            } catch (LambdaFunction.InvocationException e) {
                status = ApiGatewayResponses.internalError(exchange, requestId);
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        log.printf("[api] %s -> %s %d %d ms%s%n", m.route().routeKey(), function.id(), status, ms,
                ms > function.timeoutSeconds() * 1000L ? " (over the function's Timeout: Lambda would have stopped it)"
                        : "");
        return true;
    }

    /** The request body, or null when it exceeds the limit. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }
}
