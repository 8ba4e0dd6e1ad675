package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.kit.testing.Events;
import com.axpay.payments.stack.WithPaymentStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.axpay.payments.handlers.PaymentFlowTest.errorCode;
import static com.axpay.payments.stack.PaymentStack.RETURN_URL;
import static com.axpay.payments.stack.PaymentStack.body;
import static com.axpay.payments.stack.PaymentStack.json;
import static com.axpay.payments.stack.PaymentStack.uniqueOrderId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The storefront routes' contract: credentials, validation, idempotent start, conflicts, errors as JSON. */
class StorefrontApiTest extends WithPaymentStack {

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer wrong-key", "Bearer " + Events.STOREFRONT_KEY + "x", "Basic dXNlcjpwYXNz",
            Events.STOREFRONT_KEY, "Bearer"})
    void missingOrBadCredentialsAre401OnBothRoutes(String authorization) {
        String orderId = uniqueOrderId();
        Map<String, String> headers = authorization.isEmpty() ? Map.of() : Map.of("authorization", authorization);

        APIGatewayV2HTTPResponse post = stack.start.handleRequest(
                Events.post("/payments", body(orderId, "10.00"), headers), null);
        APIGatewayV2HTTPResponse get = stack.get.handleRequest(
                Events.getPayment("pay_x", authorization.isEmpty() ? null : authorization), null);

        assertEquals(401, post.getStatusCode());
        assertEquals(401, get.getStatusCode());
        assertEquals("unauthorized", errorCode(post));
        assertEquals("Bearer", post.getHeaders().get("WWW-Authenticate"));
        assertTrue(stack.admin.transactions(orderId + "-1").isEmpty(), "nothing reached Axerve");
    }

    @Test
    void theHeaderNameAndSchemeAreCaseInsensitive() {
        APIGatewayV2HTTPResponse r = stack.start.handleRequest(Events.post("/payments", body(uniqueOrderId(), "10.00"),
                Map.of("Authorization", "bearer " + Events.STOREFRONT_KEY)), null);

        assertEquals(201, r.getStatusCode(), r.getBody());
    }

    @Test
    void aReturnUrlOffTheAllowListIs400NamingTheField() {
        String orderId = uniqueOrderId();
        APIGatewayV2HTTPResponse r = stack.post(body(orderId, "10.00")
                .replace(RETURN_URL, "https://evil.example.test/checkout/done"));

        assertEquals(400, r.getStatusCode());
        assertEquals("returnUrl", field(r));
        assertTrue(stack.admin.transactions(orderId + "-1").isEmpty());
    }

    static Stream<Arguments> malformedBodies() {
        String ok = body("ORDER-1", "10.00");
        return Stream.of(
                Arguments.of("not JSON", "amount=10", "body"),
                Arguments.of("JSON array", "[1,2]", "body"),
                Arguments.of("empty body", "", "body"),
                Arguments.of("truncated JSON", ok.substring(0, ok.length() - 3), "body"),
                Arguments.of("amount as number", ok.replace("\"10.00\"", "10.00"), "amount"),
                Arguments.of("orderId as number", ok.replace("\"ORDER-1\"", "12"), "orderId"),
                Arguments.of("buyer as string", ok.replaceFirst("\\{\"name\"[^}]*}", "\"Maria\""), "buyer"),
                Arguments.of("customInfo as list", ok.replace("{\"STORE\":\"north\"}", "[\"north\"]"), "customInfo"),
                Arguments.of("customInfo value as number", ok.replace("\"north\"", "7"), "customInfo.STORE"),
                Arguments.of("missing amount", ok.replace("\"amount\":\"10.00\",", ""), "amount"),
                Arguments.of("missing currency", ok.replace("\"currency\":\"EUR\",", ""), "currency"),
                Arguments.of("missing orderId", ok.replace("\"orderId\":\"ORDER-1\",", ""), "orderId"),
                Arguments.of("missing returnUrl", ok.replace(",\"returnUrl\":\"" + RETURN_URL + "\"", ""), "returnUrl"),
                Arguments.of("three decimals", ok.replace("10.00", "10.001"), "amount"),
                Arguments.of("negative", ok.replace("10.00", "-10.00"), "amount"),
                Arguments.of("zero", ok.replace("10.00", "0.00"), "amount"),
                Arguments.of("huge", ok.replace("10.00", "1234567890.00"), "amount"),
                Arguments.of("comma decimal", ok.replace("10.00", "10,00"), "amount"),
                Arguments.of("unknown currency", ok.replace("EUR", "XYZ"), "currency"),
                Arguments.of("not a currency code", ok.replace("EUR", "euro"), "currency"),
                Arguments.of("orderId with a space", ok.replace("ORDER-1", "ORDER 1"), "orderId"),
                Arguments.of("orderId with a slash", ok.replace("ORDER-1", "ORDER/1"), "orderId"),
                Arguments.of("orderId too long", ok.replace("ORDER-1", "O".repeat(65)), "orderId"),
                Arguments.of("bad language", ok.replace("\"it\"", "\"pt\""), "language"),
                Arguments.of("customInfo with a space", ok.replace("north", "north side"), "customInfo.STORE"),
                Arguments.of("customInfo with an ampersand", ok.replace("north", "a&b"), "customInfo.STORE"),
                Arguments.of("customInfo with the separator", ok.replace("north", "a*P1*b"), "customInfo.STORE"),
                Arguments.of("customInfo bad key", ok.replace("STORE", "st-ore"), "customInfo"),
                Arguments.of("bad e-mail", ok.replace("maria.deluca@example.test", "not-an-email"), "buyer.email"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedBodiesAre400NamingTheField(String what, String body, String field) {
        APIGatewayV2HTTPResponse r = stack.post(body.replace("ORDER-1", uniqueOrderId()));

        assertEquals(400, r.getStatusCode(), what + ": " + r.getBody());
        assertEquals("invalid_request", errorCode(r));
        assertEquals(field, field(r), r.getBody());
        assertFalse(r.getBody().contains("Exception"), "no stack trace or exception text");
    }

    @Test
    void anOversizedBodyIs413() {
        String big = body(uniqueOrderId(), "10.00").replace("north", "n".repeat(20_000));

        APIGatewayV2HTTPResponse r = stack.post(big);

        assertEquals(413, r.getStatusCode());
        assertEquals("payload_too_large", errorCode(r));
    }

    @Test
    void aBase64EncodedBodyIsAccepted() {
        APIGatewayV2HTTPEvent e = Events.startPayment(Base64.getEncoder().encodeToString(
                body(uniqueOrderId(), "10.00").getBytes(StandardCharsets.UTF_8)));
        e.setIsBase64Encoded(true);

        assertEquals(201, stack.start.handleRequest(e, null).getStatusCode());
    }

    @Test
    void theSameOrderAgainReturnsTheSamePaymentWithoutASecondEncrypt() {
        String orderId = uniqueOrderId();
        Map<String, Object> first = stack.startOk(orderId, "10.50");

        APIGatewayV2HTTPResponse again = stack.post(body(orderId, "10.5"));

        assertEquals(200, again.getStatusCode());
        assertEquals(first, json(again));
        assertEquals(1, stack.admin.transactions(orderId + "-1").size());
    }

    @Test
    void anotherAmountForALiveOrderIs409() {
        String orderId = uniqueOrderId();
        Map<String, Object> first = stack.startOk(orderId, "10.00");

        APIGatewayV2HTTPResponse r = stack.post(body(orderId, "11.00"));

        assertEquals(409, r.getStatusCode());
        assertEquals("order_conflict", errorCode(r));
        assertEquals(first.get("paymentId"), ((Map<?, ?>) json(r).get("error")).get("paymentId"));
        assertEquals("10.00", stack.payment((String) first.get("paymentId")).get("amount"));
    }

    @Test
    void aPaidOrderIsNotChargedAgain() {
        String orderId = uniqueOrderId();
        Map<String, Object> first = stack.startOk(orderId, "12.00");
        stack.payOnPage((String) first.get("redirectUrl"), "success");
        stack.awaitNotifications((String) first.get("shopTransactionId"), 1);

        APIGatewayV2HTTPResponse again = stack.post(body(orderId, "12.00"));

        assertEquals(200, again.getStatusCode());
        assertEquals("CAPTURED", json(again).get("state"));
        assertFalse(json(again).containsKey("redirectUrl"));
    }

    @Test
    void aDeclinedOrderMayStartASecondAttemptWithANewShopTransactionId() {
        String orderId = uniqueOrderId();
        Map<String, Object> first = stack.startOk(orderId, "13.00");
        stack.payOnPage((String) first.get("redirectUrl"), "decline");
        stack.awaitNotifications((String) first.get("shopTransactionId"), 1);

        APIGatewayV2HTTPResponse second = stack.post(body(orderId, "13.00"));

        assertEquals(201, second.getStatusCode());
        assertEquals(orderId + "-2", json(second).get("shopTransactionId"));
        assertEquals("DECLINED", stack.state((String) first.get("paymentId")));
    }

    @Test
    void anUnknownPaymentIs404() {
        APIGatewayV2HTTPResponse r = stack.get.handleRequest(Events.getPayment("pay_doesnotexist"), null);

        assertEquals(404, r.getStatusCode());
        assertEquals("payment_not_found", errorCode(r));
    }

    @Test
    void everyListedLanguageIsAccepted() {
        for (String language : List.of("it", "en", "es", "fr", "de")) {
            String b = body(uniqueOrderId(), "10.00").replace("\"it\"", "\"" + language + "\"");
            assertEquals(201, stack.post(b).getStatusCode(), language);
        }
    }

    private static String field(APIGatewayV2HTTPResponse r) {
        return (String) ((Map<?, ?>) json(r).get("error")).get("field");
    }
}
