package com.axpay.payments;

import com.axpay.core.domain.Address;
import com.axpay.core.domain.Buyer;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.kit.config.PaymentsConfig;
import com.axpay.kit.priming.HandlerPriming;
import com.axpay.kit.priming.HandlerPriming.Scene;
import com.axpay.kit.priming.Stage;
import com.axpay.payments.handlers.AxerveNotificationHandler;
import com.axpay.payments.handlers.AxerveReturnHandler;
import com.axpay.payments.handlers.CancelPaymentHandler;
import com.axpay.payments.handlers.CapturePaymentHandler;
import com.axpay.payments.handlers.GetPaymentHandler;
import com.axpay.payments.handlers.ReconcilerHandler;
import com.axpay.payments.handlers.RefundPaymentHandler;
import com.axpay.payments.handlers.StartPaymentHandler;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What each payment function answers in its {@link HandlerPriming} before the snapshot: its own route's success, on
 * payments put on the stage's table in the state the route needs. The shopTransactionId and amounts match the
 * stage's canned Axerve answers (a Decrypt or callReadTrxS2S names {@value #STX}, 1.00 EUR).
 */
public final class PaymentsHandlerPriming implements HandlerPriming.Script {

    /** The shopTransactionId of the stage's canned Axerve answers. */
    static final String STX = "priming-1";
    /** A value shaped like Axerve's b parameter (a long run of letters and digits); the stage decrypts any. */
    private static final String B = "PRIMING0" + "aB3dE5fG7h".repeat(10);

    @Override
    public Scene scene(String handlerClass, Stage stage) {
        PaymentsWiring w = PaymentsWiring.fromEnvironment(stage.env());
        String shop = stage.env().get(PaymentsConfig.AXERVE_SHOP_LOGIN);
        Scene scene = switch (handlerClass.substring(handlerClass.lastIndexOf('.') + 1)) {
            case "StartPaymentHandler" -> new Scene(new StartPaymentHandler(w), List.of(
                    post("/payments", start("priming-order", w.config().defaultReturnUrl(), false)),
                    post("/payments", start("priming-recurring", w.config().defaultReturnUrl(), true))), w);
            case "GetPaymentHandler" -> new Scene(new GetPaymentHandler(w), List.of(HandlerPriming.httpEvent(
                    "GET", "GET /payments/{paymentId}", "/payments/" + seed(w, PaymentState.CAPTURED),
                    Map.of("paymentId", seed(w, PaymentState.CAPTURED)), "", null)), w);
            case "AxerveReturnHandler" -> {
                seed(w, PaymentState.REDIRECTED);
                yield new Scene(new AxerveReturnHandler(w), List.of(
                        HandlerPriming.httpEvent("GET", "GET /axerve/return/ok", "/axerve/return/ok", Map.of(),
                                "a=" + shop + "&b=" + B, null),
                        HandlerPriming.httpEvent("GET", "GET /axerve/return/ko", "/axerve/return/ko", Map.of(),
                                "a=" + shop + "&b=" + B, null)), w);
            }
            case "AxerveNotificationHandler" -> {
                seed(w, PaymentState.REDIRECTED);
                yield new Scene(new AxerveNotificationHandler(w), List.of(HandlerPriming.httpEvent("GET",
                        "GET /axerve/s2s", "/axerve/s2s", Map.of(), "a=" + shop + "&b=" + B, null)), w);
            }
            case "ReconcilerHandler" -> {
                seed(w, PaymentState.PENDING);
                yield new Scene(new ReconcilerHandler(w), List.of(TICK), w);
            }
            case "RefundPaymentHandler" -> new Scene(new RefundPaymentHandler(w), List.of(operation(
                    "refunds", seed(w, PaymentState.CAPTURED),
                    "{\"refundId\":\"priming\",\"amount\":\"1.00\",\"reason\":\"priming\"}")), w);
            case "CancelPaymentHandler" -> new Scene(new CancelPaymentHandler(w), List.of(operation(
                    "cancel", seed(w, PaymentState.AUTHORIZED), "{\"reason\":\"priming\"}")), w);
            case "CapturePaymentHandler" -> new Scene(new CapturePaymentHandler(w), List.of(operation(
                    "capture", seed(w, PaymentState.AUTHORIZED), null)), w);
            default -> null;
        };
        if (scene == null) {
            w.close();
        }
        return scene;
    }

    /**
     * Puts a payment in {@code state} on the stage's table, last changed a day ago (so the reconciler finds it open
     * for long enough), with the canned answers' shopTransactionId; returns its id.
     */
    static String seed(PaymentsWiring w, PaymentState state) {
        Instant then = w.root().clock().instant().minus(Duration.ofDays(1));
        String id = "priming-" + state.name().toLowerCase(java.util.Locale.ROOT);
        Address address = new Address("Priming", "Via Priming 1", null, "Milano", "20100", null, "IT", null);
        Payment p = Payment.builder().paymentId(id).orderId(id).shopTransactionId(STX)
                .amount(new BigDecimal("1.00")).currency("EUR").state(state).bankTransactionId("1")
                .authorizationCode("P1").buyer(new Buyer("Priming", "priming@example.invalid"))
                .shippingAddress(address).billingAddress(address).customInfo(Map.of("ORDER", id))
                .returnUrl(w.config().defaultReturnUrl()).redirectUrl("https://priming.invalid/pay")
                .createdAt(then).updatedAt(then).refundedAmount(BigDecimal.ZERO).refundReserved(BigDecimal.ZERO)
                .build();
        w.root().payments().claim(p);
        return id;
    }

    private static byte[] post(String path, String body) {
        return HandlerPriming.httpEvent("POST", "POST " + path, path, Map.of(), "", body);
    }

    private static byte[] operation(String what, String paymentId, String body) {
        return HandlerPriming.httpEvent("POST", "POST /payments/{paymentId}/" + what,
                "/payments/" + paymentId + "/" + what, Map.of("paymentId", paymentId), "", body);
    }

    /** A payment request as a storefront sends it, to the function's own default return URL; with a plan or not. */
    private static String start(String orderId, String returnUrl, boolean recurring) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("amount", "1.00", "currency", "EUR",
                "orderId", orderId, "buyer", Map.of("name", "Priming", "email", "priming@example.com"),
                "language", "it", "customInfo", Map.of("STORE", "priming"), "returnUrl", returnUrl));
        if (recurring) {
            body.put("recurring", Map.of("mode", "paynowandrecurring",
                    "plan", Map.of("amount", "1.00", "currency", "EUR", "interval", "P1M")));
        }
        return new String(HandlerPriming.json(body), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The reconciler's schedule tick as EventBridge delivers it. */
    private static final byte[] TICK = HandlerPriming.json(Map.of("version", "0", "id", "priming",
            "detail-type", "Scheduled Event", "source", "aws.events", "account", "000000000000",
            "time", "2026-01-01T00:00:00Z", "region", "eu-south-1",
            "resources", List.of("arn:aws:events:eu-south-1:000000000000:rule/priming"), "detail", Map.of()));
}
