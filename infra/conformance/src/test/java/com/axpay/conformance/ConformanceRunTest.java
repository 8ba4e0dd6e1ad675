package com.axpay.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.axpay.simulator.AxerveSimulator;
import com.axpay.simulator.SimulatorOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conformance run as a merchant starts it, in-process, only ever against loopback simulators. */
class ConformanceRunTest {
    @TempDir
    Path out;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return Main.run(args, null, null, new BufferedReader(new StringReader("")),
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private JsonNode report() throws Exception {
        return new ObjectMapper().readTree(out.resolve("report.json").toFile());
    }

    @Test
    void againstTheSimulatorEveryCallIsPlayedAndNothingDiffers() throws Exception {
        assertEquals(0, run("--out", out.toString()), console.toString(StandardCharsets.UTF_8));
        JsonNode r = report();
        assertEquals(0, r.at("/summary/different").asInt());
        assertEquals(0, r.at("/summary/not reached").asInt(), "the simulator plays the buyer's part too");
        List<String> operations = new ArrayList<>();
        r.get("calls").forEach(c -> operations.add(c.get("operation").asText()));
        for (String op : List.of("Encrypt", "Decrypt", "callReadTrxS2S", "callRefundS2S", "callSettleS2S",
                "callDeleteS2S", "callPagamS2S", "callDeleteTokenS2S", "(payment page)")) {
            assertTrue(operations.contains(op), op);
        }
        // the calls answer what the scenario is about, on both sides
        assertEquals("2014", call(r, "refund-over-balance").at("/target/errorCode").asText());
        assertEquals("1137", call(r, "encrypt-reused-id").at("/simulator/errorCode").asText());
        assertEquals("4707", call(r, "pagam-reused-id").at("/target/errorCode").asText());
        assertEquals("STO", call(r, "readtrx-refunded").at("/target/compared/TransactionState").asText());
        assertEquals("soap:Client", call(r, "soap11-no-soapaction").at("/target/errorCode").asText());
        r.get("conventions").forEach(c -> assertEquals(c.get("id").asText().equals("s2s-for-ko") ? "not reached"
                : "confirmed", c.get("status").asText(), c.get("id").asText()));
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Differences\n\nNone."), md);
    }

    @Test
    void aTargetThatAnswersDifferentlyIsReportedWithEveryDifferenceAndExitsOne() throws Exception {
        try (AxerveSimulator other = AxerveSimulator.start(SimulatorOptions.defaults().port(0))) {
            // the target answers Axerve's four-field technical KO to the first Decrypt, and faults one Encrypt
            admin(other, "{\"kind\":\"systemError\",\"operation\":\"Decrypt\",\"times\":1}");
            admin(other, "{\"kind\":\"soapFault\",\"operation\":\"Encrypt\",\"times\":1}");
            int code = run("--target", other.baseUrl(), "--shop", AxerveSimulator.DEFAULT_SHOP_LOGIN, "--no-buyer",
                    "--out", out.toString());
            assertEquals(1, code);
        }
        JsonNode r = report();
        JsonNode soap12 = call(r, "soap12-encrypt");
        assertEquals("different", soap12.get("verdict").asText());
        assertTrue(soap12.get("differences").toString().contains("HTTP status: target 500, simulator 200"),
                soap12.toString());
        JsonNode decrypt = call(r, "decrypt-foreign-string");
        assertEquals("different", decrypt.get("verdict").asText());
        assertTrue(decrypt.get("differences").toString().contains("error code: target \\\"9999\\\""), decrypt.toString());
        assertEquals("not reached", call(r, "decrypt-good").get("verdict").asText(), "no buyer");
        assertEquals("contradicted", convention(r, "soap12"));
        assertEquals("contradicted", convention(r, "decrypt-invalid"));
        assertEquals("not reached", convention(r, "readtrx-draft"));
        assertEquals("confirmed", convention(r, "validation-codes"));
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("### `soap12-encrypt`"), md);
        // a shape difference is named element by element
        assertTrue(ConformanceRun.shapeDifference(List.of("A", "B", "C"), List.of("A", "C", "D"))
                .equals("shape: only the target has [B]; only the simulator has [D]"));
    }

    @Test
    void aTargetShopWithAnApikeyIsPlayedWithItAndTheReportNeverShowsIt() throws Exception {
        String key = "apikey-that-must-not-leak-7f3a";
        try (AxerveSimulator other = AxerveSimulator.start(SimulatorOptions.defaults().port(0))) {
            HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    other.baseUrl() + "/_sim/merchants/" + AxerveSimulator.DEFAULT_SHOP_LOGIN))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"apikey\":\"" + key + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(2, put.statusCode() / 100, put.body());
            int code = Main.run(new String[] {"--target", other.baseUrl(), "--shop", AxerveSimulator.DEFAULT_SHOP_LOGIN,
                    "--no-buyer", "--out", out.toString()}, key, null, new BufferedReader(new StringReader("")),
                    new PrintStream(console, true, StandardCharsets.UTF_8));
            assertEquals(0, code, console.toString(StandardCharsets.UTF_8));
        }
        JsonNode r = report();
        assertEquals("OK", call(r, "encrypt-plain").at("/target/result").asText(), "the apikey was sent");
        assertEquals("not reached", call(r, "decrypt-good").get("verdict").asText());
        assertEquals("not reached", call(r, "settle-authorized").get("verdict").asText(), "no separate-capture shop");
        for (String file : List.of("report.json", "report.md")) {
            assertTrue(!Files.readString(out.resolve(file)).contains(key), file);
        }
        assertTrue(!console.toString(StandardCharsets.UTF_8).contains(key));
    }

    @Test
    void badUsageExitsTwo() throws Exception {
        assertEquals(2, run("--target", "http://127.0.0.1:9"));
        assertEquals(2, run("--shop", "X"));
        assertEquals(2, run("--bogus"));
    }

    private static JsonNode call(JsonNode report, String id) {
        for (JsonNode c : report.get("calls")) {
            if (c.get("id").asText().equals(id)) return c;
        }
        throw new AssertionError("no call " + id);
    }

    private static String convention(JsonNode report, String id) {
        for (JsonNode c : report.get("conventions")) {
            if (c.get("id").asText().equals(id)) return c.get("status").asText();
        }
        throw new AssertionError("no convention " + id);
    }

    private static void admin(AxerveSimulator sim, String rule) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sim.baseUrl() + "/_sim/faults")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rule)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(2, r.statusCode() / 100, r.body());
    }
}
