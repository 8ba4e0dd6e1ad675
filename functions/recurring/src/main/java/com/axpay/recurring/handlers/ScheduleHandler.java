package com.axpay.recurring.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.axpay.core.usecase.ScheduleDueCharges;
import com.axpay.kit.handler.EventJson;
import com.axpay.kit.log.JsonLog;
import com.axpay.recurring.ProcessRecurringWiring;
import com.axpay.recurring.RecurringWiring;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The EventBridge schedule: enqueue every due charge while the invocation has time left (a margin is kept for the
 * last page). Overlapping or duplicated ticks are harmless: charge records, not messages, decide what is charged.
 */
public final class ScheduleHandler implements RequestHandler<ScheduledEvent, String>, RequestStreamHandler {

    /** Stop paging this long before Lambda's deadline. */
    static final long MARGIN_MS = 10_000;

    private final JsonLog log = new JsonLog("RecurringSchedule");
    private final ScheduleDueCharges schedule;

    public ScheduleHandler() {
        this(ProcessRecurringWiring.get());
    }

    public ScheduleHandler(RecurringWiring wiring) {
        this.schedule = wiring.schedule();
    }

    /** The entry point Lambda's runtime client takes: the tick read and the outcome written by the function's own path. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventJson.writeValue(handleRequest(EventJson.scheduledEvent(input), context), output);
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        long start = System.nanoTime();
        ScheduleDueCharges.Report r = schedule.run(() -> context.getRemainingTimeInMillis() > MARGIN_MS);
        log.info(r.complete() ? "due charges enqueued" : "time budget used; the next tick continues")
                .count("found", r.found()).count("created", r.created()).count("enqueued", r.enqueued())
                .latencyMs((System.nanoTime() - start) / 1_000_000).write();
        return r.complete() ? "complete" : "partial";
    }
}
