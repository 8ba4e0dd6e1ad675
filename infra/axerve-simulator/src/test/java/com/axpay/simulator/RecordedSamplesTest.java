package com.axpay.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
