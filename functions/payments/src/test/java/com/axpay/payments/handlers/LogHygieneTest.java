package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.kit.testing.Events;
import com.axpay.payments.stack.PaymentStack;
import com.axpay.simulator.NotificationView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.axpay.payments.stack.PaymentStack.uniqueOrderId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole flows with everything written to stdout and stderr captured: no secret or personal data in any line. */
class LogHygieneTest {

    private static final String APIKEY = "apikey-Secret-4711-do-not-log";
    private static PaymentStack stack;

    @BeforeAll
    static void startStack() {
        stack = PaymentStack.start(APIKEY); // the simulated merchant requires it, so every call carries it
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Test
    void noLogLineCarriesTheApikeyATokenABuyerOrAnAddress() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        List<String> personal = new ArrayList<>(List.of(APIKEY, "maria.deluca@example.test", "Maria De Luca",
                Events.STOREFRONT_KEY));
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            Map<String, Object> paid = stack.startOk(uniqueOrderId(), "70.00");
            URI back = stack.payOnPage((String) paid.get("redirectUrl"), "success");
            List<NotificationView> sent = stack.awaitNotifications((String) paid.get("shopTransactionId"), 1);
            stack.returnToShop(back);
            Map<String, Object> p = stack.payment((String) paid.get("paymentId"));
            collect(p.get("buyer"), personal);
            collect(p.get("shippingAddress"), personal);
            collect(p.get("billingAddress"), personal);

            Map<String, Object> declined = stack.startOk(uniqueOrderId(), "71.00");
            stack.payOnPage((String) declined.get("redirectUrl"), "invalid-payment-method-soft");
            stack.awaitNotifications((String) declined.get("shopTransactionId"), 1);
            stack.payment((String) declined.get("paymentId"));
            // a tampered and a foreign notification, and a bad body, exercise the warning paths
            stack.s2s.handleRequest(Events.axerveGet("/axerve/s2s", "a=" + PaymentStack.SHOP + "&b=x"
                    + sent.get(0).b().substring(1)), null);
            APIGatewayV2HTTPResponse bad = stack.post(PaymentStack.body(uniqueOrderId(), "1.000"));
            assertEquals(400, bad.getStatusCode());
            personal.add(sent.get(0).b()); // the result string is a bearer of the outcome: not for logs either
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("\"message\":\"notification stored\""), "the flow was logged at all");
        assertTrue(personal.size() > 8, "buyer and address values were collected: " + personal.size());
        for (String line : log.split("\n")) {
            for (String secret : personal) {
                assertFalse(line.contains(secret), "log line carries personal or secret data: " + line);
            }
            assertFalse(line.toUpperCase().contains("TOKEN"), line);
        }
    }

    /** Every string value of a JSON object longer than 3 characters (shorter ones, like "IT", are not personal). */
    private static void collect(Object json, List<String> into) {
        if (json instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                if (v instanceof String s && s.length() > 3) {
                    into.add(s);
                }
            }
        }
    }
}
