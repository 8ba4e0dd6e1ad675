package com.axpay.recurring;

import com.axpay.core.agreement.Agreement;
import com.axpay.kit.testing.LogLines;
import com.axpay.kit.testing.RefusingServer;
import com.axpay.core.agreement.AgreementState;
import com.axpay.core.agreement.ChargeHistoryEntry;
import com.axpay.core.agreement.ChargeState;
import com.axpay.kit.priming.HandlerPriming;
import com.axpay.kit.priming.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Each recurring function's handler priming reaches its route's success on the stage alone: the function's real table,
 * Axerve and charge queue (a tripwire here) are never contacted, no secret is read, and only the priming's own line is logged.
 */
class RecurringHandlerPrimingTest {

    private static RefusingServer tripwire;

    @BeforeAll
    static void start() {
        tripwire = RefusingServer.start();
    }

    @AfterAll
    static void stop() {
        tripwire.close();
    }

    private static String real() {
        return tripwire.url();
    }

    private static Map<String, String> env() {
        return Map.ofEntries(Map.entry("AWS_REGION", "eu-south-1"), Map.entry("PAYMENTS_TABLE", "payments"),
                Map.entry("DYNAMODB_ENDPOINT", real()), Map.entry("AXERVE_ENV", real()),
                Map.entry("AXERVE_SHOP_LOGIN", "GESPAY00001"),
                // ARNs only: a read would need the extension, which this test does not have
                Map.entry("AXERVE_APIKEY_SECRET_ARN", "arn:aws:secretsmanager:eu-south-1:000000000000:secret:ak"),
                Map.entry("STOREFRONT_API_KEY_SECRET_ARN", "arn:aws:secretsmanager:eu-south-1:000000000000:secret:sk"),
                Map.entry("RETURN_URL_ALLOWLIST", "https://shop.example.test/"),
                Map.entry("DEFAULT_RETURN_URL", "https://shop.example.test/done"),
                Map.entry("AWS_LAMBDA_FUNCTION_NAME", "priming-test"));
    }

    /** The schedule's environment: its real queue, reachable only through the tripwire. */
    private static Map<String, String> scheduleEnv() {
        Map<String, String> env = new HashMap<>(env());
        env.put(RecurringWiring.ENV_QUEUE_URL, real() + "/000000000000/charges");
        env.put(RecurringWiring.ENV_SQS_ENDPOINT, real());
        return env;
    }

    /** The handler priming's script, and what the stage held when the scene's wiring was closed. */
    private static final class Watching implements HandlerPriming.Script {
        int messagesSent = -1;
        Agreement charged;

        @Override
        public HandlerPriming.Scene scene(String handlerClass, Stage stage) {
            HandlerPriming.Scene s = new RecurringHandlerPriming().scene(handlerClass, stage);
            if (s == null) {
                return null;
            }
            RecurringWiring w = (RecurringWiring) s.wiring();
            return new HandlerPriming.Scene(s.handler(), s.events(), () -> {
                messagesSent = stage.accepted("AmazonSQS.SendMessageBatch");
                charged = w.agreements().findById(RecurringHandlerPriming.agreementId("worker")).orElse(null);
                w.close();
            });
        }
    }

    private static HandlerPriming.Result primeHandler(String handler, Map<String, String> env, HandlerPriming.Script script) {
        return HandlerPriming.run("com.axpay.recurring.handlers." + handler + "::handleRequest", env, script);
    }

    @Test
    void everyRecurringFunctionReachesItsSuccessOnTheStageAlone() {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        Watching schedule = new Watching();
        Watching worker = new Watching();
        LogLines.ofHandlerPrimings(7, () -> {
            for (String h : List.of("GetAgreementHandler", "ChargeAgreementHandler", "CancelAgreementHandler",
                    "ResumeAgreementHandler", "WidgetPaymentHandler")) {
                answers.put(h, primeHandler(h, env(), new RecurringHandlerPriming()).answers());
            }
            answers.put("ScheduleHandler", primeHandler("ScheduleHandler", scheduleEnv(), schedule).answers());
            answers.put("ChargeWorkerHandler", primeHandler("ChargeWorkerHandler", env(), worker).answers());
        });
        assertEquals(Map.of("GetAgreementHandler", List.of("200"),
                "ChargeAgreementHandler", List.of("201"),
                "CancelAgreementHandler", List.of("200"),
                "ResumeAgreementHandler", List.of("200"),
                "WidgetPaymentHandler", List.of("201", "201"),
                "ScheduleHandler", List.of("\"complete\""),
                "ChargeWorkerHandler", List.of("{\"batchItemFailures\":[]}")), answers);
        assertEquals(1, schedule.messagesSent, "the schedule enqueued the due agreement's charge on the stage");
        assertNotNull(worker.charged);
        assertEquals(1, worker.charged.cyclesCharged(), worker.charged.toString());
        assertEquals(2, worker.charged.cycle(), "the worker's charge moved the agreement to its next cycle");
        assertEquals(AgreementState.ACTIVE, worker.charged.state());
        assertEquals(List.of(ChargeState.SUCCEEDED),
                worker.charged.history().stream().map(ChargeHistoryEntry::outcome).toList());
        assertEquals(0, tripwire.requests(), "a handler priming reached the function's real table, Axerve or queue");
        assertNull(System.getProperty("com.amazonaws.xray.traceHeader"), "the trace header stayed set");
    }

    @Test
    void anUnknownHandlerOrNoRegionIsSkipped() {
        assertEquals(List.of(), primeHandler("NoSuchHandler", env(), new RecurringHandlerPriming()).answers());
        Map<String, String> noRegion = new HashMap<>(env());
        noRegion.remove("AWS_REGION");
        assertNull(primeHandler("GetAgreementHandler", noRegion, new RecurringHandlerPriming()));
        assertEquals(0, tripwire.requests());
    }
}
