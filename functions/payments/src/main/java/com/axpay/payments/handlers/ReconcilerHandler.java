package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.axpay.core.usecase.ReconcileStalePayments;
import com.axpay.kit.config.Secret;
import com.axpay.kit.config.SecretUnavailableException;
import com.axpay.kit.handler.EventJson;
import com.axpay.kit.log.JsonLog;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.ProcessWiring;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduled sweep (EventBridge rule): one run of core's reconciler, which asks Axerve about payments left open
 * past the threshold and about captures and cancels whose answer was lost, and settles refunds whose answer was lost
 * and that nobody asked about again. Safe to run twice or concurrently (every write is conditional). A failure
 * propagates, so the asynchronous invocation is retried and finally lands in the dead-letter queue.
 */
public final class ReconcilerHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>>,
        RequestStreamHandler {

    private final JsonLog log = new JsonLog("Reconciler");
    private final ReconcileStalePayments reconciler;
    private final List<Secret> secrets;

    public ReconcilerHandler() {
        this(ProcessWiring.get());
    }

    public ReconcilerHandler(PaymentsWiring wiring) {
        this.reconciler = wiring.reconciler();
        this.secrets = wiring.axerveSecrets();
    }

    /** The entry point Lambda's runtime client takes: the tick read and the counts written by the function's own path. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventJson.writeValue(handleRequest(EventJson.scheduledEvent(input), context), output);
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        long start = System.nanoTime();
        try {
            secrets.forEach(Secret::value); // before any work: an unreadable apikey fails the run cleanly
        } catch (SecretUnavailableException e) {
            log.error("secret unavailable, run failed for a retry").secret(e)
                    .latencyMs((System.nanoTime() - start) / 1_000_000).write();
            throw e;
        }
        ReconcileStalePayments.Report r = reconciler.run();
        int refundsSettled = r.refundsSettled();
        long stuck = r.stuck();
        log.info("reconciliation run").count("examined", r.examined()).count("resolved", r.resolved())
                .count("retryLater", r.retryLater()).count("exhausted", r.exhausted())
                .count("lostRaces", r.lostRaces()).count("refundsSettled", refundsSettled)
                .latencyMs((System.nanoTime() - start) / 1_000_000)
                .metric("ReconciledPayments", r.resolved(), "Count")
                .metric("StuckPayments", stuck, "Count")
                .write();
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("examined", r.examined());
        out.put("resolved", r.resolved());
        out.put("retryLater", r.retryLater());
        out.put("exhausted", r.exhausted());
        out.put("lostRaces", r.lostRaces());
        out.put("refundsSettled", refundsSettled);
        out.put("stuck", (int) stuck);
        return out;
    }
}
