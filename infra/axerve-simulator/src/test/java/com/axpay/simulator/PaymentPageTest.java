package com.axpay.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentPageTest extends SimTestBase {
    private static final Pattern INPUT = Pattern.compile(
            "<input type=\"(hidden|email|password|radio)\" name=\"(\\w+)\" value=\"([^\"]*)\"( checked)?");

    /** Collects a form's fields the way a browser would submit them (checked radios only). */
    private static Map<String, String> formFields(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = INPUT.matcher(html);
        while (m.find()) {
            if (m.group(1).equals("radio") && m.group(4) == null) continue;
            out.put(m.group(2), m.group(3).replace("&amp;", "&"));
        }
        return out;
    }

    @Test
    void buyerFollowsTheAmazonJourneyToThePositiveUrl() throws Exception {
        String b = client.encrypt("PAGE-1", "25.00");
        var signIn = client.get("/pagam/pagam.aspx?a=GESPAY00001&b=" + SimClient.enc(b));
        assertEquals(200, signIn.statusCode());
        assertTrue(signIn.body().contains("name=\"password\""));
        var address = client.postForm("/pagam/pagam.aspx", formFields(signIn.body()));
        assertTrue(address.body().contains("Indirizzo di spedizione"));
        Map<String, String> pick = formFields(address.body());
        pick.put("address", "2");
        var wallet = client.postForm("/pagam/pagam.aspx", pick);
        assertTrue(wallet.body().contains("value=\"invalid-payment-method-soft\""));
        var done = client.postForm("/pagam/pagam.aspx", formFields(wallet.body()));
        assertEquals(303, done.statusCode());
        String location = done.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(POSITIVE + "?a=GESPAY00001&b="));
        assertEquals("OK", client.decrypt(SimClient.bOf(location)).text("TransactionResult"));
        SimClient.Payload trx = client.call("callReadTrxS2S", "shopLogin", "GESPAY00001", "shopTransactionId", "PAGE-1");
        assertEquals("Berlin", trx.text("OrderReferenceDetails/Destination/PhysicalDestination/City"));
        assertEquals("buyer@example.com", trx.text("OrderReferenceDetails/Buyer/Email"));
    }

    @Test
    void cancelLinkAbandonsToTheNegativeUrl() throws Exception {
        String b = client.encrypt("PAGE-2", "25.00");
        var signIn = client.get("/pagam/pagam.aspx?a=GESPAY00001&b=" + SimClient.enc(b));
        Matcher cancel = Pattern.compile("id=\"cancel\" href=\"([^\"]+)\"").matcher(signIn.body());
        assertTrue(cancel.find());
        var resp = client.get("/pagam/" + cancel.group(1).replace("&amp;", "&"));
        assertEquals(302, resp.statusCode());
        String location = resp.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(NEGATIVE + "?a=GESPAY00001&b="));
        SimClient.Payload p = client.decrypt(SimClient.bOf(location));
        assertEquals("KO", p.text("TransactionResult"));
        assertEquals("1143", p.text("ErrorCode"));
        assertEquals("Transazione abbandonata dal compratore", p.text("ErrorDescription"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "success, ok, OK, 0",
            "abandon, ko, KO, 1143",
            "decline, ko, KO, 74",
            "invalid-payment-method-soft, ko, KO, 74",
            "invalid-payment-method-hard, ko, KO, 74",
            "amazon-rejected, ko, KO, 74",
            "transaction-timed-out, ko, KO, 74",
            "pending-ok, ok, XX, 0",
            "pending-ko, ok, XX, 0",
            "payment-method-not-allowed, ko, KO, 5001",
            "payment-plan-not-set, ko, KO, 5002",
            "shipping-address-not-set, ko, KO, 5003",
    })
    void everyScenarioRedirectsWithItsResult(String scenario, String target, String result, String code) throws Exception {
        String location = payWith("SIM-" + scenario, scenario);
        assertTrue(location.startsWith("http://127.0.0.1:9/" + target + "?"), location);
        SimClient.Payload p = client.decrypt(SimClient.bOf(location));
        assertEquals(result, p.text("TransactionResult"));
        assertEquals(code, p.text("ErrorCode"));
        assertEquals("SIM-" + scenario, p.text("ShopTransactionID"));
    }

    @Test
    void unknownScenarioAndBadParametersAre400() throws Exception {
        String b = client.encrypt("PAGE-3", "1.00");
        assertEquals(400, client.pay(b, "no-such-scenario").statusCode());
        assertEquals(400, client.get("/pagam/pagam.aspx?a=GESPAY00001&b=garbage").statusCode());
        assertEquals(400, client.get("/pagam/pagam.aspx?a=GESPAY00002&b=" + SimClient.enc(b)).statusCode());
        assertEquals(400, client.get("/pagam/pagam.aspx").statusCode());
        assertEquals(302, client.pay(b, "success").statusCode(), "a rejected scenario leaves the payment open");
        assertEquals(400, client.pay(b, "success").statusCode(), "a completed payment cannot be paid again");
    }

    @Test
    void withoutResponseUrlsThePageShowsTheResult() throws Exception {
        AxerveSimulator bare = AxerveSimulator.start(SimulatorOptions.defaults().port(0));
        try {
            SimClient c = new SimClient(bare.baseUrl());
            String b = c.encrypt("PAGE-4", "1.00");
            var resp = c.pay(b, "success");
            assertEquals(200, resp.statusCode());
            assertTrue(resp.body().contains("OK 0"));
        } finally {
            bare.close();
        }
    }
}
