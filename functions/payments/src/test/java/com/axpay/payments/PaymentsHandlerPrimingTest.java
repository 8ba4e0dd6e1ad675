package com.axpay.payments;

import com.axpay.kit.log.JsonLog;
import com.axpay.kit.testing.LogLines;
import com.axpay.kit.testing.RefusingServer;
import com.axpay.kit.priming.HandlerPriming;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each payment function's handler priming reaches its route's success on the stage alone: the function's real table and
 * Axerve endpoint (a tripwire here) are never contacted, no secret is read, and only the handler priming's own line is
 * logged.
 */
class PaymentsHandlerPrimingTest {

    private static RefusingServer tripwire;

    @BeforeAll
    static void start() {
        tripwire = RefusingServer.start();
    }

    @AfterAll
    static void stop() {
        tripwire.close();
    }

    private static Map<String, String> env() {
        String real = tripwire.url();
        return Map.ofEntries(Map.entry("AWS_REGION", "eu-south-1"), Map.entry("PAYMENTS_TABLE", "payments"),
                Map.entry("DYNAMODB_ENDPOINT", real), Map.entry("AXERVE_ENV", real),
                Map.entry("AXERVE_SHOP_LOGIN", "GESPAY00001"),
                // ARNs only: a read would need the extension, which this test does not have
                Map.entry("AXERVE_APIKEY_SECRET_ARN", "arn:aws:secretsmanager:eu-south-1:000000000000:secret:ak"),
                Map.entry("STOREFRONT_API_KEY_SECRET_ARN", "arn:aws:secretsmanager:eu-south-1:000000000000:secret:sk"),
                Map.entry("RETURN_URL_ALLOWLIST", "https://shop.example.test/"),
                Map.entry("DEFAULT_RETURN_URL", "https://shop.example.test/done"),
                Map.entry("AWS_LAMBDA_FUNCTION_NAME", "priming-test"));
    }

    private static HandlerPriming.Result primeHandler(String handler) {
        return HandlerPriming.run("com.axpay.payments.handlers." + handler + "::handleRequest", env(),
                new PaymentsHandlerPriming());
    }

    @Test
    void everyPaymentFunctionReachesItsSuccessOnTheStageAlone() {
        Map<String, List<String>> answers = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> lines = LogLines.ofHandlerPrimings(7, () -> {
            for (String h : List.of("StartPaymentHandler", "GetPaymentHandler", "AxerveReturnHandler",
                    "AxerveNotificationHandler", "RefundPaymentHandler", "CancelPaymentHandler",
                    "CapturePaymentHandler")) {
                answers.put(h, primeHandler(h).answers());
            }
        });
        assertEquals(Map.of("StartPaymentHandler", List.of("201", "201"),
                "GetPaymentHandler", List.of("200"),
                "AxerveReturnHandler", List.of("303", "303"),
                "AxerveNotificationHandler", List.of("200"),
                "RefundPaymentHandler", List.of("201"),
                "CancelPaymentHandler", List.of("200"),
                "CapturePaymentHandler", List.of("200")), answers);
        assertEquals(0, tripwire.requests(), "a handler priming reached the function's real table or Axerve");
        assertEquals("201,201", lines.getFirst().get("reason"), "the log line says what the handler answered");
        assertNull(System.getProperty("com.amazonaws.xray.traceHeader"), "the trace header stayed set");
    }

    @Test
    void theReconcilerResolvesTheOpenPaymentItFindsOnTheStage() {
        List<String> answers = JsonLog.muted(() -> primeHandler("ReconcilerHandler").answers());
        assertEquals(1, answers.size());
        assertTrue(answers.getFirst().contains("\"resolved\":1"), answers.getFirst());
        assertEquals(0, tripwire.requests());
    }

    @Test
    void anUnknownHandlerOrNoRegionIsSkipped() {
        assertEquals(List.of(), primeHandler("NoSuchHandler").answers());
        assertNull(HandlerPriming.run(null, env(), new PaymentsHandlerPriming()));
        Map<String, String> noRegion = new java.util.HashMap<>(env());
        noRegion.remove("AWS_REGION");
        assertNull(HandlerPriming.run("com.axpay.payments.handlers.GetPaymentHandler::handleRequest", noRegion,
                new PaymentsHandlerPriming()));
    }
}
