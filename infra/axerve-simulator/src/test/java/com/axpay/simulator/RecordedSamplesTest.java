package com.axpay.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replays real recorded Axerve requests (reference data outside the repo; skipped when absent). */
class RecordedSamplesTest extends SimTestBase {

    private static Path samples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/axerve/samples");
            if (Files.isDirectory(candidate)) return candidate;
        }
        return null;
    }

    private static String sample(String name) throws Exception {
        Path dir = samples();
        assumeTrue(dir != null && Files.exists(dir.resolve(name)), "recorded samples not available");
        return Files.readString(dir.resolve(name));
    }

    @Test
    void recordedSettleWithMisCasedIdGets2016() throws Exception {
        String request = sample("dSmart-srl-gestpay__settle_ko__1_callSettleS2S.request.xml");
        client.admin("PUT", "/_sim/merchants/GESPAY12345", "{}");
        var resp = client.post(SimClient.S2S_PATH, "\"https://ecomms2s.sella.it/callSettleS2S\"", request);
        SimClient.Payload p = SimClient.Payload.of(resp.body());
        assertEquals("Settle", p.text("TransactionType"));
        assertEquals("KO", p.text("TransactionResult"));
        assertEquals("2016", p.text("ErrorCode"));
        assertEquals("Campi BANKTRANSACTIONID e SHOPTRANSACTIONID non valorizzati", p.text("ErrorDescription"));
    }

    @Test
    void recordedDecryptWithNilShopLoginGets9999() throws Exception {
        String request = sample("net2b-spree_gestpay__decrypt_ko__2_Decrypt.request.xml");
        var resp = client.post(SimClient.CRYPT_PATH, "\"https://ecomm.sella.it/Decrypt\"", request);
        SimClient.Payload p = SimClient.Payload.of(resp.body());
        assertEquals("KO", p.text("TransactionResult"));
        assertEquals("9999", p.text("ErrorCode"));
        assertEquals(4, p.childNames("").size());
    }

    /** The recorded element names, in the recorded order, all appear in the simulator's answer in that order. */
    private static void assertRecordedShape(String recordedResponse, SimClient.Payload ours) throws Exception {
        List<String> recorded = SimClient.Payload.of(sample(recordedResponse)).childNames("");
        List<String> names = ours.childNames("");
        int at = -1;
        for (String name : recorded) {
            int i = names.indexOf(name);
            assertTrue(i > at, recordedResponse + ": " + name + " missing or out of the recorded order in " + names);
            at = i;
        }
    }

    @Test
    void decryptHasTheRecordedShape() throws Exception {
        sample("net2b-spree_gestpay__decrypt_ok__1_Decrypt.response.xml");
        SimClient.Payload ok = client.decrypt(SimClient.bOf(payWith("SHAPE-1", "success")));
        assertRecordedShape("net2b-spree_gestpay__decrypt_ok__1_Decrypt.response.xml", ok);
        SimClient.Payload ko = client.decrypt(SimClient.bOf(payWith("SHAPE-2", "decline")));
        assertEquals("74", ko.text("ErrorCode"));
        assertRecordedShape("net2b-spree_gestpay__decrypt_ko__1_Decrypt.response.xml", ko);
    }

    @Test
    void pagamAnswersAndRefusalsHaveTheRecordedKoShape() throws Exception {
        sample("dSmart-srl-gestpay__payment_ko__1_callPagamS2S.response.xml");
        String amazon = "<paymentType>AMAZONPAY</paymentType>";
        SimClient.Payload ok = client.call("callPagamS2S", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "1",
                "shopTransactionId", "SHAPE-3", "transKey", "S02-1234567-1111111", "paymentTypes", amazon);
        assertRecordedShape("dSmart-srl-gestpay__payment_ko__1_callPagamS2S.response.xml", ok);
        assertRecordedShape("dSmart-srl-gestpay__payment_ok__1_callPagamS2S.response.xml", ok);
        SimClient.Payload refused = client.call("callPagamS2S", "shopLogin", "GESPAY00001", "uicCode", "242",
                "amount", "1", "shopTransactionId", "SHAPE-4", "tokenValue", "C02-0000000-0000000",
                "paymentTypes", amazon);
        assertEquals("1165", refused.text("ErrorCode"));
        assertRecordedShape("dSmart-srl-gestpay__payment_ko__1_callPagamS2S.response.xml", refused);
    }

    @Test
    void recordedDecryptRequestIsAnsweredWithTheRecordedShapeOverSoap12Too() throws Exception {
        String request = sample("net2b-spree_gestpay__decrypt_ok__1_Decrypt.request.xml");
        String soap12 = request.replace("http://schemas.xmlsoap.org/soap/envelope/",
                "http://www.w3.org/2003/05/soap-envelope");
        var resp = client.postAs(SimClient.CRYPT_PATH,
                "application/soap+xml; charset=utf-8; action=\"https://ecomm.sella.it/Decrypt\"", soap12);
        assertEquals(200, resp.statusCode(), resp.body());
        // the recorded string is not one the simulator issued: the answer is Axerve's "invalid string" KO
        assertEquals("KO", SimClient.Payload.of(resp.body()).text("TransactionResult"));
    }
}
