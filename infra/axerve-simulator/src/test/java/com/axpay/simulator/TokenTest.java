package com.axpay.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenTest extends SimTestBase {

    private String issueToken(String id, String agreement) throws Exception {
        String location = payWith(id, "success", "amazonPayBillingAgreementDescription", agreement);
        SimClient.Payload p = client.decrypt(SimClient.bOf(location));
        assertEquals("OK", p.text("TransactionResult"));
        String token = p.text("TOKEN");
        assertTrue(token.matches("C02-\\d{7}-\\d{7}") && token.length() <= 25, token);
        assertTrue(p.text("TokenExpiryMonth").matches("\\d{2}") && p.text("TokenExpiryYear").matches("\\d{2}"));
        return token;
    }

    private SimClient.Payload charge(String token, String id) throws Exception {
        return client.call("callPagamS2S", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "9.99",
                "shopTransactionId", id, "tokenValue", token, "recurrent", "true",
                "paymentTypes", "<paymentType>AMAZONPAY</paymentType>");
    }

    @Test
    void payNowAndRecurringChargesAndIssuesAToken() throws Exception {
        String token = issueToken("T-1", "paynowandrecurring");
        assertEquals("MOV", client.call("callReadTrxS2S", "shopLogin", "GESPAY00001", "shopTransactionId", "T-1")
                .text("TransactionState"));
        SimClient.Payload c = charge(token, "T-1-c1");
        assertEquals("OK", c.text("TransactionResult"));
        assertEquals("9.99", c.text("Amount"));
        assertEquals(1, sim.chargeCount(token));
    }

    @Test
    void onlyRecurringIssuesATokenWithoutCharging() throws Exception {
        String token = issueToken("T-2", "onlyrecurring");
        SimClient.Payload trx = client.call("callReadTrxS2S", "shopLogin", "GESPAY00001", "shopTransactionId", "T-2");
        assertEquals("OK", trx.text("TransactionResult"));
        assertEquals("", trx.text("TransactionState"));
        assertTrue(trx.children("Events", "event").isEmpty());
        assertEquals(0, sim.chargeCount(token));
    }

    @Test
    void tokenModeAppliesForTheNextChargesThenReturnsToOk() throws Exception {
        String token = issueToken("T-3", "paynowandrecurring");
        assertEquals(200, client.admin("PUT", "/_sim/tokens/" + token + "/mode",
                "{\"mode\":\"soft-decline\",\"times\":2}").statusCode());
        for (String id : new String[] {"T-3-a", "T-3-b"}) {
            SimClient.Payload c = charge(token, id);
            assertEquals("KO", c.text("TransactionResult"));
            assertEquals("74", c.text("ErrorCode"));
            assertTrue(c.text("ErrorDescription").contains("soft decline"));
        }
        assertEquals("OK", charge(token, "T-3-c").text("TransactionResult"));
        assertEquals(1, sim.chargeCount(token));
        String view = client.admin("GET", "/_sim/tokens/" + token, null).body();
        assertTrue(view.contains("\"chargeCount\":1") && view.contains("\"mode\":\"ok\""), view);
    }

    @Test
    void everyTokenModeDeclinesWithItsAmazonReason() throws Exception {
        String token = issueToken("T-4", "paynowandrecurring");
        String[][] modes = {{"hard-decline", "InvalidPaymentMethod", "Suspended"}, {"amazon-rejected", "AmazonRejected", "Closed"},
                {"timed-out", "TransactionTimedOut", "Open"}};
        for (String[] m : modes) {
            client.admin("PUT", "/_sim/tokens/" + token + "/mode", "{\"mode\":\"" + m[0] + "\"}");
            assertEquals("KO", charge(token, "T-4-" + m[0]).text("TransactionResult"));
            SimClient.Payload trx = client.call("callReadTrxS2S", "shopLogin", "GESPAY00001", "shopTransactionId", "T-4-" + m[0]);
            assertEquals(m[1], trx.text("OrderReferenceDetails/OrderReferenceStatus/ReasonCode"));
            assertEquals(m[2], trx.text("OrderReferenceDetails/OrderReferenceStatus/State"));
        }
        assertEquals(400, client.admin("PUT", "/_sim/tokens/" + token + "/mode", "{\"mode\":\"bogus\"}").statusCode());
        assertEquals(0, sim.chargeCount(token));
    }

    @Test
    void deletedTokenCannotBeCharged() throws Exception {
        String token = issueToken("T-5", "paynowandrecurring");
        SimClient.Payload del = client.call("callDeleteTokenS2S", "tokenValue", token, "shopLogin", "GESPAY00001");
        assertEquals("DisableToken", del.text("TransactionType"));
        assertEquals("OK", del.text("TransactionResult"));
        assertEquals("1165", charge(token, "T-5-c").text("ErrorCode"));
        assertEquals("1165", client.call("callDeleteTokenS2S", "tokenValue", token, "shopLogin", "GESPAY00001")
                .text("ErrorCode"));
    }
}
