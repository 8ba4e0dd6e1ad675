package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.kit.testing.Events;
import com.axpay.payments.stack.PaymentStack;
import com.axpay.payments.stack.WithPaymentStack;
import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code b} Axerve cannot have written (control characters, non-ASCII, spaces, absurd length) is refused at once:
 * 400 on the S2S route, the storefront's page with {@code error=invalid_result} on the return URLs, and Axerve is not
 * called, so no Axerve call or failure is counted (anyone could otherwise trip the Axerve-failure alarm).
 */
class MalformedResultStringTest extends WithPaymentStack {

    @ParameterizedTest
    @ValueSource(strings = {"%00", "%01", "abc%00def", "%EF%BF%BF", "a%20b", "%C3%A8", "x%0Ay"})
    void isRefusedWithoutAskingAxerve(String b) throws Exception {
        String query = "a=" + PaymentStack.SHOP + "&b=" + b;
        List<Map<String, Object>> lines = new ArrayList<>();
        APIGatewayV2HTTPResponse s2s = capture(lines,
                () -> stack.s2s.handleRequest(Events.axerveGet("/axerve/s2s", query), null));
        assertEquals(400, s2s.getStatusCode(), s2s.getBody());
        assertTrue(s2s.getBody().contains("undecryptable"), s2s.getBody());
        for (String path : List.of("/axerve/return/ok", "/axerve/return/ko")) {
            APIGatewayV2HTTPResponse back = capture(lines,
                    () -> stack.returns.handleRequest(Events.axerveGet(path, query), null));
            assertEquals(303, back.getStatusCode());
            assertEquals(PaymentStack.DEFAULT_RETURN_URL + "?error=invalid_result", back.getHeaders().get("Location"));
        }
        assertTrue(lines.stream().noneMatch(l -> l.containsKey("AxerveCalls") || l.containsKey("AxerveFailures")),
                "no Axerve call was made or counted: " + lines);
    }

    @ParameterizedTest
    @ValueSource(ints = {4097, 20_000})
    void anOverlongOneToo(int length) throws Exception {
        List<Map<String, Object>> lines = new ArrayList<>();
        APIGatewayV2HTTPResponse s2s = capture(lines, () -> stack.s2s.handleRequest(Events.axerveGet("/axerve/s2s",
                "a=" + PaymentStack.SHOP + "&b=" + "A".repeat(length)), null));
        assertEquals(400, s2s.getStatusCode());
        assertTrue(lines.stream().noneMatch(l -> l.containsKey("AxerveCalls")), lines.toString());
    }

    private interface Call {
        APIGatewayV2HTTPResponse run();
    }

    private static APIGatewayV2HTTPResponse capture(List<Map<String, Object>> lines, Call call) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        APIGatewayV2HTTPResponse r;
        try {
            r = call.run();
        } finally {
            System.setOut(out);
        }
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.std.mapFrom(line));
            }
        }
        return r;
    }
}
