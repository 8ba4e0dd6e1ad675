package com.axpay.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.axpay.simulator.AxerveSimulator;
import com.axpay.simulator.SimulatorOptions;
import com.axpay.simulator.TransactionView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Encrypt check against the Axerve simulator on 127.0.0.1, merchants set up through its admin API. */
class CredentialCheckTest {
    private static final String STACK = "http://127.0.0.1:3000";
    private static final String APIKEY = "R0ZBS0UtYXBpa2V5LWZvci10ZXN0cw==";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static AxerveSimulator sim;

    @BeforeAll
    static void start() throws Exception {
        sim = AxerveSimulator.start(SimulatorOptions.defaults().port(0));
        merchant("KEYSHOP01", "{\"apikey\": \"" + APIKEY + "\"}");
        merchant("IPSHOP01", "{\"allowedIps\": [\"198.51.100.7\"]}");
        merchant("SLEEPY01", "{\"active\": false}");
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void passingCheckEncryptsAHarmlessAmazonPayTestPayment() {
        DoctorRun r = doctor(AxerveSimulator.DEFAULT_SHOP_LOGIN, null);

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.flat().contains("Result: PASSED"), r.out());
        assertTrue(r.flat().contains("Harmless"), r.out());
        TransactionView trx = doctorTransaction(AxerveSimulator.DEFAULT_SHOP_LOGIN);
        assertEquals("242", trx.uicCode());
        assertEquals("0.01", trx.amount());
        assertNull(trx.result(), "nobody opened the page, so nothing was paid");
    }

    @Test
    void passingCheckWithApikeyNeverPrintsTheKey() throws Exception {
        DoctorRun text = doctor("KEYSHOP01", APIKEY);
        DoctorRun json = doctor("KEYSHOP01", APIKEY, "--format", "json");

        assertEquals(0, text.exit(), text.all());
        assertTrue(text.flat().contains("apikey accepted"), text.out());
        assertEquals("set", text.valueAfter("apikey (AXERVE_APIKEY)"));
        assertFalse(text.all().contains(APIKEY), "apikey leaked:\n" + text.all());
        assertEquals(0, json.exit(), json.all());
        assertFalse(json.all().contains(APIKEY), "apikey leaked:\n" + json.all());
        JsonNode check = new ObjectMapper().readTree(json.out()).path("check");
        assertEquals("PASSED", check.path("status").asText());
        assertTrue(check.path("shopTransactionId").asText().startsWith("DOCTOR-"));
    }

    @Test
    void wrongApikeyIs1169AndTheKeyIsNotShown() {
        String wrong = "d3Jvbmcta2V5LWZvci10ZXN0cw==";
        DoctorRun r = doctor("KEYSHOP01", wrong);

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.flat().contains("Result: FAILED (INVALID_APIKEY)"), r.out());
        assertTrue(r.flat().contains("did not accept the apikey in AXERVE_APIKEY for shop KEYSHOP01 (1169)"),
                r.out());
        assertFalse(r.all().contains(wrong), "apikey leaked:\n" + r.all());
    }

    @Test
    void missingApikeyIs1169WithHowToSetIt() {
        DoctorRun r = doctor("KEYSHOP01", null);

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.flat().contains("needs an apikey, and AXERVE_APIKEY is not set (1169)"), r.out());
        assertTrue(r.flat().contains("read -rs AXERVE_APIKEY"), r.out());
    }

    @Test
    void ipNotAllowedIs1142AndOffersTheStaticEgressIp() {
        DoctorRun r = doctor("IPSHOP01", null);

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.flat().contains("Result: FAILED (IP_NOT_ALLOWED)"), r.out());
        assertTrue(r.flat().contains("Axerve said: 1142"), r.out());
        assertTrue(r.flat().contains(StaticEgress.PARAMETER + "=true"), r.out());
        assertTrue(r.flat().contains("Elastic IP"), r.out());
    }

    @Test
    void unknownShopIs1131() {
        DoctorRun r = doctor("NOSUCH999", null);

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.flat().contains("Result: FAILED (UNKNOWN_SHOP)"), r.out());
        assertTrue(r.flat().contains("does not know shop login NOSUCH999 (1131)"), r.out());
    }

    @Test
    void inactiveShopIs1132() {
        DoctorRun r = doctor("SLEEPY01", null);

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.flat().contains("Result: FAILED (INACTIVE_SHOP)"), r.out());
        assertTrue(r.flat().contains("is not active (1132)"), r.out());
    }

    @Test
    void closedPortIsReportedAsUnreachable() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        DoctorRun r = DoctorRun.run(Map.of("AXERVE_SHOP_LOGIN", "GESPAY00001"), "--api-url", STACK, "--env",
                "http://127.0.0.1:" + closed);

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.flat().contains("Result: FAILED (UNREACHABLE)"), r.out());
        assertTrue(r.flat().contains("Could not connect to http://127.0.0.1:" + closed), r.out());
        assertTrue(r.flat().contains("check that it is running on that port"), r.out());
    }

    private static DoctorRun doctor(String shopLogin, String apikey, String... extra) {
        Map<String, String> env = new HashMap<>();
        env.put("AXERVE_ENV", sim.baseUrl());
        env.put("AXERVE_SHOP_LOGIN", shopLogin);
        if (apikey != null) {
            env.put("AXERVE_APIKEY", apikey);
        }
        List<String> args = new ArrayList<>(List.of("--api-url", STACK));
        args.addAll(List.of(extra));
        return DoctorRun.run(env, args.toArray(String[]::new));
    }

    private static TransactionView doctorTransaction(String shopLogin) {
        return sim.transactions().stream()
                .filter(t -> t.shopLogin().equals(shopLogin) && t.shopTransactionId().startsWith("DOCTOR-"))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no DOCTOR- transaction in " + sim.transactions()));
    }

    private static void merchant(String shopLogin, String profile) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(sim.baseUrl() + "/_sim/merchants/" + shopLogin))
                .timeout(Duration.ofSeconds(5))
                .PUT(HttpRequest.BodyPublishers.ofString(profile)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }
}
