package com.axpay.kit.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.kit.config.Secret;
import com.axpay.kit.config.SecretUnavailableException;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.RequestBody;
import com.axpay.kit.log.JsonLog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * What every HTTP handler does around its own work: time it, name the route's payment or agreement on every log
 * line, log one line, answer a body {@link RequestBody} refuses with 413 or 400 (the same on every route), and turn
 * an unexpected exception into a JSON 500 (never a stack trace in the response; the exception class goes to the
 * log, its message does not since lower layers may quote input). The secrets the route needs are read (first use,
 * or refresh after their TTL) once the caller is let in and before any work, so an unreadable secret gives a
 * retryable 503 {@code secret_unavailable} with nothing done, never a failed init.
 */
public abstract class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
        RequestStreamHandler {

    protected final JsonLog log;
    private final List<Secret> secrets;

    protected ApiHandler(String function) {
        this(function, List.of());
    }

    /** @param secrets read before {@link #handle}: the ones this route's work uses (the Axerve apikey) */
    protected ApiHandler(String function, List<Secret> secrets) {
        this.log = new JsonLog(function);
        this.secrets = List.copyOf(secrets);
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long start = System.nanoTime();
        JsonLog.requestIds(event == null ? null : event.getPathParameters());
        try {
            APIGatewayV2HTTPResponse refused = refuse(event, start);
            if (refused != null) {
                return refused;
            }
            for (Secret s : secrets) {
                s.value();
            }
            return handle(event, start);
        } catch (RequestBody.TooLarge e) {
            return answer(log.warn("body too large"), HttpResponses.error(413, "payload_too_large", e.getMessage()),
                    start);
        } catch (RequestBody.Malformed e) {
            return answer(log.warn("invalid request").errorCode("body"),
                    HttpResponses.validationError(List.of(Map.of("field", "body", "message", e.getMessage()))), start);
        } catch (SecretUnavailableException e) {
            // the variable's name and the cause's class only: the extension's answer is not logged
            return answer(log.error("secret unavailable").secret(e), HttpResponses.secretUnavailable(), start);
        } catch (RuntimeException e) {
            return answer(log.error("unexpected failure").exception(e),
                    HttpResponses.error(500, "internal_error", "The request could not be processed."), start);
        } finally {
            JsonLog.clearRequestIds();
        }
    }

    /**
     * Lambda's entry point: the runtime client prefers this overload, so the event and the answer go through
     * {@link EventJson} (jackson-jr, primed with the rest of the request path) instead of the client's own
     * Jackson-databind serializers. The typed overload above stays for tests and the local stack.
     */
    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventJson.write(handleRequest(EventJson.httpEvent(input), context), output);
    }

    /**
     * Refuses a caller before anything else happens (the storefront routes check their Bearer key here).
     *
     * @return the refusal, or null to go on
     */
    protected APIGatewayV2HTTPResponse refuse(APIGatewayV2HTTPEvent event, long start) {
        return null;
    }

    /** @param start {@link System#nanoTime()} when the request arrived, for the latency field */
    protected abstract APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, long start);

    /**
     * Ends a request in one call: writes {@code line} with the answer's status and the latency since {@code start},
     * and returns the answer, so a route says only what is its own (message, ids, body).
     */
    protected final APIGatewayV2HTTPResponse answer(JsonLog.Line line, APIGatewayV2HTTPResponse response, long start) {
        line.status(response.getStatusCode()).latencyMs(elapsedMs(start)).write();
        return response;
    }

    protected static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
