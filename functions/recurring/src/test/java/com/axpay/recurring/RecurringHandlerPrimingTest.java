package com.axpay.recurring;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.AgreementState;
import com.axpay.core.agreement.ChargeHistoryEntry;
import com.axpay.core.agreement.ChargeState;
import com.axpay.kit.priming.HandlerPriming;
import com.axpay.kit.priming.Stage;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each recurring function's handler priming reaches its route's success on the stage alone: the function's real table,
 * Axerve and charge queue (a tripwire here) are never contacted, no secret is read, and only the priming's own line is logged.
 */
class RecurringHandlerPrimingTest {

    private static HttpServer tripwire;
    private static final AtomicInteger TRIPPED = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        tripwire = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tripwire.createContext("/", exchange -> {
            TRIPPED.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        tripwire.start();
    }

    @AfterAll
    static void stop() {
        tripwire.stop(0);
    }

    private static String real() {
        return "http://127.0.0.1:" + tripwire.getAddress().getPort();
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
        PrintStream out = System.out;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setOut(new PrintStream(logged, true, StandardCharsets.UTF_8));
        Map<String, List<String>> answers = new LinkedHashMap<>();
        Watching schedule = new Watching();
        Watching worker = new Watching();
        try {
            for (String h : List.of("GetAgreementHandler", "ChargeAgreementHandler", "CancelAgreementHandler",
                    "ResumeAgreementHandler", "WidgetPaymentHandler")) {
                answers.put(h, primeHandler(h, env(), new RecurringHandlerPriming()).answers());
            }
            answers.put("ScheduleHandler", primeHandler("ScheduleHandler", scheduleEnv(), schedule).answers());
            answers.put("ChargeWorkerHandler", primeHandler("ChargeWorkerHandler", env(), worker).answers());
        } finally {
            System.setOut(out);
        }
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
        assertEquals(0, TRIPPED.get(), "a handler priming reached the function's real table, Axerve or queue");
        // one line per handler priming, its own: none of the handler's request lines or metrics
        List<String> lines = logged.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(7, lines.size(), String.join("\n", lines));
        assertTrue(lines.stream().allMatch(l -> l.contains("\"message\":\"handler primed for the snapshot\"")
                && !l.contains("_aws")), String.join("\n", lines));
        assertNull(System.getProperty("com.amazonaws.xray.traceHeader"), "the trace header stayed set");
    }

    @Test
    void anUnknownHandlerOrNoRegionIsSkipped() {
        assertEquals(List.of(), primeHandler("NoSuchHandler", env(), new RecurringHandlerPriming()).answers());
        Map<String, String> noRegion = new HashMap<>(env());
        noRegion.remove("AWS_REGION");
        assertNull(primeHandler("GetAgreementHandler", noRegion, new RecurringHandlerPriming()));
        assertEquals(0, TRIPPED.get());
    }
}
