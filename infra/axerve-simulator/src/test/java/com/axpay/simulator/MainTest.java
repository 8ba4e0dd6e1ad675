package com.axpay.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @Test
    void parsesEveryOption() {
        SimulatorOptions o = Main.parse(new String[] {"--port", "8099", "--host", "127.0.0.1", "--positive-url", "http://127.0.0.1:1/ok",
                "--negative-url", "http://127.0.0.1:1/ko", "--s2s-url", "http://127.0.0.1:1/s2s", "--profile", "m.json",
                "--s2s-delay-ms", "10", "--s2s-duplicates", "2", "--s2s-reorder", "--s2s-retry-interval-ms", "20",
                "--s2s-max-retries", "3", "--pending-delay-ms", "200"});
        assertEquals(8099, o.port());
        assertEquals("http://127.0.0.1:1/s2s", o.s2sUrl());
        assertEquals(Path.of("m.json"), o.profile());
        assertEquals(new NotifyOptions(10, 2, true, 20, 3), o.notifyOptions());
        assertEquals(200, o.pendingDelayMs());
    }

    @Test
    void helpAndErrors() {
        assertNull(Main.parse(new String[] {"--help"}));
        assertTrue(Main.USAGE.contains("--s2s-max-retries"));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {}));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port", "1", "--bogus", "x"}));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port", "abc"}));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port", "1", "--s2s-duplicates", "0"}));
    }

    @Test
    void profileFileReplacesTheDefaultMerchant(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("merchants.json");
        Files.writeString(profile, "{\"merchants\":[{\"shopLogin\":\"GESPAY55555\",\"apikey\":\"k1\",\"captureMode\":\"deferred\"}]}");
        try (AxerveSimulator sim = AxerveSimulator.start(SimulatorOptions.defaults().port(0).profile(profile))) {
            SimClient c = new SimClient(sim.baseUrl());
            assertEquals("1131", c.call("Encrypt", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "1",
                    "shopTransactionId", "M-1").text("ErrorCode"));
            assertEquals("OK", c.call("Encrypt", "shopLogin", "GESPAY55555", "uicCode", "242", "amount", "1",
                    "shopTransactionId", "M-1", "apikey", "k1").text("TransactionResult"));
            String merchant = c.admin("GET", "/_sim/merchants/GESPAY55555", null).body();
            assertTrue(merchant.contains("\"captureMode\":\"deferred\""), merchant);
            assertEquals("{\"status\":\"ok\"}", c.admin("GET", "/_sim/health", null).body());
        }
    }
}
