package com.axpay.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends SimTestBase {
    private static final String ENCRYPT = SimClient.envelope(SimClient.CRYPT_NS, "Encrypt", SimClient.params(
            "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "1", "shopTransactionId", "F-1"));

    private HttpResponse<String> encrypt() throws Exception {
        return client.post(SimClient.CRYPT_PATH, "\"https://ecomm.sella.it/Encrypt\"", ENCRYPT);
    }

    private void fault(String json) throws Exception {
        assertEquals(200, client.admin("POST", "/_sim/faults", json).statusCode());
    }

    @Test
    void http500AnswersAnIisErrorPage() throws Exception {
        fault("{\"kind\":\"http500\"}");
        HttpResponse<String> r = encrypt();
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("Server Error in '/' Application."));
    }

    @Test
    void soapFaultAnswersAFault() throws Exception {
        fault("{\"kind\":\"soapFault\",\"operation\":\"Encrypt\"}");
        HttpResponse<String> r = encrypt();
        SoapProtocolTest.assertFault(r.statusCode(), r.body());
    }

    @Test
    void malformedAnswersBrokenXml() throws Exception {
        fault("{\"kind\":\"malformed\"}");
        HttpResponse<String> r = encrypt();
        assertEquals(200, r.statusCode());
        assertThrows(Exception.class, () -> SimClient.Payload.of(r.body()));
    }

    @Test
    void systemErrorAnswersAWellFormedKo9999() throws Exception {
        fault("{\"kind\":\"systemError\",\"operation\":\"Encrypt\",\"times\":1}");
        HttpResponse<String> r = encrypt();
        assertEquals(200, r.statusCode());
        SimClient.Payload p = SimClient.Payload.of(r.body());
        assertEquals("ENCRYPT", p.text("TransactionType"));
        assertEquals("KO", p.text("TransactionResult"));
        assertEquals("9999", p.text("ErrorCode"));
        assertEquals("Errore di Sistema", p.text("ErrorDescription"));
        assertEquals(200, encrypt().statusCode());
    }

    private static final String DECRYPT_ACTION = "\"https://ecomm.sella.it/Decrypt\"";

    @Test
    void oversizedAnswersAHugeBody() throws Exception {
        fault("{\"kind\":\"oversized\"}");
        HttpResponse<byte[]> r = client.http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + SimClient.CRYPT_PATH))
                .header("SOAPAction", "\"https://ecomm.sella.it/Encrypt\"").header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(ENCRYPT))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().length > 20 * 1024 * 1024);
    }

    @Test
    void faultsMatchByMerchantAndOperationAndRespectTimes() throws Exception {
        client.admin("PUT", "/_sim/merchants/GESPAY00002", "{}");
        fault("{\"kind\":\"http500\",\"shopLogin\":\"GESPAY00002\",\"operation\":\"Decrypt\",\"times\":2}");
        assertEquals(200, encrypt().statusCode(), "other operation is unaffected");
        String decrypt2 = SimClient.envelope(SimClient.CRYPT_NS, "Decrypt", SimClient.params("shopLogin", "GESPAY00002",
                "CryptedString", "x"));
        String decrypt1 = decrypt2.replace("GESPAY00002", "GESPAY00001");
        assertEquals(200, client.post(SimClient.CRYPT_PATH, DECRYPT_ACTION, decrypt1).statusCode(), "other merchant is unaffected");
        assertEquals(500, client.post(SimClient.CRYPT_PATH, DECRYPT_ACTION, decrypt2).statusCode());
        assertEquals(500, client.post(SimClient.CRYPT_PATH, DECRYPT_ACTION, decrypt2).statusCode());
        assertEquals(200, client.post(SimClient.CRYPT_PATH, DECRYPT_ACTION, decrypt2).statusCode(), "times used up");

        fault("{\"kind\":\"http500\"}");
        assertEquals(500, encrypt().statusCode());
        client.admin("DELETE", "/_sim/faults", null);
        assertEquals(200, encrypt().statusCode());
    }

    @Test
    void latencyDelaysTheAnswer() throws Exception {
        fault("{\"kind\":\"latency\",\"delayMs\":300,\"times\":1}");
        long start = System.nanoTime();
        HttpResponse<String> r = encrypt();
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos());
        assertEquals("OK", SimClient.Payload.of(r.body()).text("TransactionResult"));
    }

    private void timeOutCall(String op, String... kv) {
        String body = SimClient.envelope(SimClient.S2S_NS, op, SimClient.params(kv));
        HttpRequest req = HttpRequest.newBuilder(URI.create(sim.baseUrl() + SimClient.S2S_PATH))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"" + SimClient.S2S_NS + op + "\"")
                .timeout(Duration.ofMillis(300)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        assertThrows(HttpTimeoutException.class, () -> client.http.send(req, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void timeoutWithProcessTakesEffectAlthoughTheCallerGaveUp() throws Exception {
        client.admin("PUT", "/_sim/order-references/S02-5555555-1111111", "{\"scenario\":\"success\"}");
        fault("{\"kind\":\"timeout\",\"operation\":\"callPagamS2S\",\"process\":true,\"times\":1}");
        timeOutCall("callPagamS2S", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "5", "shopTransactionId",
                "TO-1", "transKey", "S02-5555555-1111111", "paymentTypes", "<paymentType>AMAZONPAY</paymentType>");
        SimClient.Payload trx = client.call("callReadTrxS2S", "shopLogin", "GESPAY00001", "shopTransactionId", "TO-1");
        assertEquals("MOV", trx.text("TransactionState"));
    }

    @Test
    void timeoutWithoutProcessLeavesNoTrace() throws Exception {
        fault("{\"kind\":\"timeout\",\"operation\":\"callPagamS2S\",\"process\":false,\"times\":1}");
        timeOutCall("callPagamS2S", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "5", "shopTransactionId",
                "TO-2", "transKey", "S02-5555555-2222222", "paymentTypes", "<paymentType>AMAZONPAY</paymentType>");
        assertEquals("2011", client.call("callReadTrxS2S", "shopLogin", "GESPAY00001", "shopTransactionId", "TO-2")
                .text("ErrorCode"));
    }

    @Test
    void heldResponsesDoNotExhaustTheServerNorDelayClose() throws Exception {
        fault("{\"kind\":\"timeout\",\"operation\":\"callReadTrxS2S\"}");
        for (int i = 0; i < 40; i++) { // more than the 16 worker threads
            HttpRequest req = HttpRequest.newBuilder(URI.create(sim.baseUrl() + SimClient.S2S_PATH))
                    .POST(HttpRequest.BodyPublishers.ofString(SimClient.envelope(SimClient.S2S_NS, "callReadTrxS2S",
                            SimClient.params("shopLogin", "GESPAY00001", "shopTransactionId", "H")))).build();
            client.http.sendAsync(req, HttpResponse.BodyHandlers.discarding());
        }
        SimClient.await(() -> {
            try {
                return encrypt().statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }, "server still answering");
        sim.close(); // must not wait the 30 s default timeout
    }

    @Test
    void invalidFaultIsRejected() throws Exception {
        assertEquals(400, client.admin("POST", "/_sim/faults", "{\"kind\":\"explode\"}").statusCode());
    }
}
