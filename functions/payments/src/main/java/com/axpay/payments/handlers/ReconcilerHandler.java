package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.axpay.core.usecase.ReconcileStalePayments;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.ProcessWiring;
import com.axpay.payments.log.JsonLog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scheduled sweep (EventBridge rule): asks Axerve about payments left open past the threshold. Safe to run
 * twice or concurrently (every write is conditional). A failure propagates, so the asynchronous invocation is
 * retried and finally lands in the dead-letter queue.
 */
public final class ReconcilerHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {

    private final JsonLog log = new JsonLog("Reconciler");
    private final ReconcileStalePayments reconciler;

    public ReconcilerHandler() {
        this(ProcessWiring.get());
    }

    public ReconcilerHandler(PaymentsWiring wiring) {
        this.reconciler = wiring.reconciler();
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        long start = System.nanoTime();
        ReconcileStalePayments.Report r = reconciler.run();
        log.info("reconciliation run").count("examined", r.examined()).count("resolved", r.resolved())
                .count("retryLater", r.retryLater()).count("exhausted", r.exhausted())
                .count("lostRaces", r.lostRaces()).latencyMs((System.nanoTime() - start) / 1_000_000).write();
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("examined", r.examined());
        out.put("resolved", r.resolved());
        out.put("retryLater", r.retryLater());
        out.put("exhausted", r.exhausted());
        out.put("lostRaces", r.lostRaces());
        return out;
    }
}
