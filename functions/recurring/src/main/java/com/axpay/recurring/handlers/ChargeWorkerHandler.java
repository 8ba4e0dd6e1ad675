package com.axpay.recurring.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.axpay.core.port.ChargeQueue.ChargeMessage;
import com.axpay.core.usecase.ChargeCycle;
import com.axpay.core.usecase.ChargeProcessor;
import com.axpay.kit.config.Secret;
import com.axpay.kit.handler.EventJson;
import com.axpay.kit.config.SecretUnavailableException;
import com.axpay.kit.log.JsonLog;
import com.axpay.recurring.ProcessRecurringWiring;
import com.axpay.recurring.RecurringWiring;
import com.axpay.recurring.queue.ChargeMessages;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQS worker: one charge per message, reported per message (ReportBatchItemFailures). A charge whose outcome is
 * still unknown, or any failure, returns its message to the queue (visibility timeout, then the dead-letter queue after
 * maxReceiveCount); a settled, skipped or in-flight-elsewhere charge is done.
 */
public final class ChargeWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, RequestStreamHandler {

    private final JsonLog log = new JsonLog("ChargeWorker");
    private final ChargeCycle charges;
    private final List<Secret> secrets;

    public ChargeWorkerHandler() {
        this(ProcessRecurringWiring.get());
    }

    public ChargeWorkerHandler(RecurringWiring wiring) {
        this.charges = wiring.chargeCycle();
        this.secrets = wiring.axerveSecrets();
    }

    /** Lambda's entry point: the batch and the answer through {@link EventJson}, as the API handlers do. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventJson.write(handleRequest(EventJson.sqsEvent(input), context), output);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        try {
            secrets.forEach(Secret::value); // before any charge: an unreadable apikey leaves the whole batch untouched
        } catch (SecretUnavailableException e) {
            log.error("secret unavailable, batch returned to the queue").secret(e).write();
            event.getRecords().forEach(m -> failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId())));
            return new SQSBatchResponse(failures);
        }
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            long start = System.nanoTime();
            String agreementId = null;
            try {
                ChargeMessage message = ChargeMessages.read(m.getBody());
                agreementId = message.agreementId();
                Optional<ChargeProcessor.Result> r = charges.charge(message);
                boolean retry = r.isPresent() && r.get().status() == ChargeProcessor.Status.UNRESOLVED;
                if (retry) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                }
                log.info(r.isEmpty() ? "stale message" : "charge " + r.get().status().name().toLowerCase()
                                + " " + r.get().charge().state().name())
                        .agreementId(agreementId)
                        .shopTransactionId(r.map(x -> x.charge().shopTransactionId()).orElse(null))
                        .errorCode(r.map(x -> x.charge().errorCode()).orElse(null))
                        .latencyMs((System.nanoTime() - start) / 1_000_000).write();
            } catch (RuntimeException e) {
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                log.error("charge failed").agreementId(agreementId).exception(e).latencyMs((System.nanoTime() - start) / 1_000_000).write();
            }
        }
        return new SQSBatchResponse(failures);
    }
}
