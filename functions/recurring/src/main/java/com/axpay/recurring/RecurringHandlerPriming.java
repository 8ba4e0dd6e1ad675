package com.axpay.recurring;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.AgreementState;
import com.axpay.core.agreement.AgreementTerms;
import com.axpay.core.agreement.ChargeIds;
import com.axpay.core.agreement.Plan;
import com.axpay.core.agreement.RecurringMode;
import com.axpay.core.port.ChargeQueue.ChargeMessage;
import com.axpay.kit.priming.HandlerPriming;
import com.axpay.kit.priming.HandlerPriming.Scene;
import com.axpay.kit.priming.Stage;
import com.axpay.recurring.handlers.CancelAgreementHandler;
import com.axpay.recurring.handlers.ChargeAgreementHandler;
import com.axpay.recurring.handlers.ChargeWorkerHandler;
import com.axpay.recurring.handlers.GetAgreementHandler;
import com.axpay.recurring.handlers.ResumeAgreementHandler;
import com.axpay.recurring.handlers.ScheduleHandler;
import com.axpay.recurring.handlers.WidgetPaymentHandler;
import com.axpay.recurring.queue.ChargeMessages;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each recurring function answers in its {@link HandlerPriming} before the snapshot: its own route's success, on
 * agreements put on the stage's table in the state the route needs (due for the schedule and the worker, suspended
 * for a resume). The schedule's queue is the stage's SQS stand-in, never the function's own.
 */
public final class RecurringHandlerPriming implements HandlerPriming.Script {

    /** The order of the stage's canned Axerve answers: its first attempt's shopTransactionId is theirs. */
    private static final String ORDER = "priming";
    /** A placeholder token: the stage's Axerve accepts any, and no real one is ever read before the snapshot. */
    private static final String TOKEN = "priming-token";

    @Override
    public Scene scene(String handlerClass, Stage stage) {
        String name = handlerClass.substring(handlerClass.lastIndexOf('.') + 1);
        Map<String, String> env = new HashMap<>(stage.env());
        if (env.containsKey(RecurringWiring.ENV_QUEUE_URL) || name.equals("ScheduleHandler")) {
            // the function's own queue (only the schedule has one) is replaced by the stand-in
            env.put(RecurringWiring.ENV_QUEUE_URL, stage.awsEndpoint() + "/000000000000/priming");
            env.put(RecurringWiring.ENV_SQS_ENDPOINT, stage.awsEndpoint().toString());
        }
        RecurringWiring w = RecurringWiring.fromEnvironment(env);
        Scene scene = switch (name) {
            case "GetAgreementHandler" -> new Scene(new GetAgreementHandler(w), List.of(HandlerPriming.httpEvent(
                    "GET", "GET /agreements/{agreementId}", "/agreements/" + seed(w, "get", AgreementState.ACTIVE),
                    Map.of("agreementId", agreementId("get")), "", null)), w);
            case "ChargeAgreementHandler" -> new Scene(new ChargeAgreementHandler(w), List.of(operation(
                    "charges", seed(w, "upsell", AgreementState.ACTIVE),
                    "{\"chargeId\":\"priming\",\"amount\":\"1.00\",\"currency\":\"EUR\"}")), w);
            case "CancelAgreementHandler" -> new Scene(new CancelAgreementHandler(w), List.of(operation(
                    "cancel", seed(w, "cancel", AgreementState.ACTIVE), null)), w);
            case "ResumeAgreementHandler" -> new Scene(new ResumeAgreementHandler(w), List.of(operation(
                    "resume", seed(w, "resume", AgreementState.SUSPENDED), null)), w);
            case "WidgetPaymentHandler" -> new Scene(new WidgetPaymentHandler(w), List.of(
                    widget(ORDER, false), widget(ORDER + "-recurring", true)), w);
            case "ScheduleHandler" -> {
                seed(w, "schedule", AgreementState.ACTIVE);
                yield new Scene(new ScheduleHandler(w), List.of(TICK), w);
            }
            case "ChargeWorkerHandler" -> new Scene(new ChargeWorkerHandler(w), List.of(batch(
                    seed(w, "worker", AgreementState.ACTIVE))), w);
            default -> null;
        };
        if (scene == null) {
            w.close();
        }
        return scene;
    }

    /** The id of the agreement seeded for {@code use} (for a test reading it back from the stage). */
    static String agreementId(String use) {
        return ChargeIds.agreementIdFor("priming-" + use);
    }

    /**
     * Puts a monthly 1.00 EUR agreement for {@code use} on the stage's table, made a day ago: ACTIVE with its first
     * cycle due (so the schedule finds it and the worker charges it), or SUSPENDED after a hard decline.
     */
    static String seed(RecurringWiring w, String use, AgreementState state) {
        Instant then = w.clock().instant().minus(Duration.ofDays(1));
        String paymentId = "priming-" + use;
        AgreementTerms terms = new AgreementTerms(agreementId(use), paymentId, paymentId, RecurringMode.ONLY_RECURRING,
                new Plan(new BigDecimal("1.00"), "EUR", Period.ofMonths(1), null, null), then);
        Agreement a = Agreement.fromToken(terms, TOKEN, then);
        if (state == AgreementState.SUSPENDED) {
            a = new Agreement(a.agreementId(), a.paymentId(), a.orderId(), a.mode(), a.plan(), state, a.token(),
                    a.cycle(), a.attempt(), a.anchor(), a.firstCycle(), null, a.cyclesCharged(), "HARD_DECLINE",
                    false, a.history(), a.version(), a.createdAt(), a.updatedAt());
        }
        w.agreements().create(a, null);
        return a.agreementId();
    }

    private static byte[] operation(String what, String agreementId, String body) {
        return HandlerPriming.httpEvent("POST", "POST /agreements/{agreementId}/" + what,
                "/agreements/" + agreementId + "/" + what, Map.of("agreementId", agreementId), "", body);
    }

    /** A widget payment as the shop's page sends it; with the buyer's consent (an agreement's terms) or not. */
    private static byte[] widget(String orderId, boolean recurring) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("orderId", orderId, "amount", "1.00",
                "currency", "EUR", "amazonOrderReferenceId", recurring ? "C01-0000000-0000000" : "P01-0000000-0000000"));
        if (recurring) {
            body.put("recurring", Map.of("mode", "paynowandrecurring",
                    "plan", Map.of("amount", "1.00", "currency", "EUR", "interval", "P1M")));
        }
        return HandlerPriming.httpEvent("POST", "POST /payments/widget", "/payments/widget", Map.of(), "",
                new String(HandlerPriming.json(body), StandardCharsets.UTF_8));
    }

    /** The charge queue's batch of one message for the agreement's first cycle, as Lambda's SQS source delivers it. */
    private static byte[] batch(String agreementId) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("messageId", "priming");
        message.put("receiptHandle", "priming");
        message.put("body", ChargeMessages.write(new ChargeMessage(agreementId, 1, 1)));
        message.put("attributes", Map.of("ApproximateReceiveCount", "1", "SentTimestamp", "0",
                "SenderId", "priming", "ApproximateFirstReceiveTimestamp", "0"));
        message.put("messageAttributes", Map.of());
        message.put("md5OfBody", "priming");
        message.put("eventSource", "aws:sqs");
        message.put("eventSourceARN", "arn:aws:sqs:eu-south-1:000000000000:priming");
        message.put("awsRegion", "eu-south-1");
        return HandlerPriming.json(Map.of("Records", List.of(message)));
    }

    /** The schedule's tick as EventBridge delivers it. */
    private static final byte[] TICK = HandlerPriming.json(Map.of("version", "0", "id", "priming",
            "detail-type", "Scheduled Event", "source", "aws.events", "account", "000000000000",
            "time", "2026-01-01T00:00:00Z", "region", "eu-south-1",
            "resources", List.of("arn:aws:events:eu-south-1:000000000000:rule/priming"), "detail", Map.of()));
}
