package com.axpay.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The values a merchant copies into Seller Central and the Back Office, without calling Axerve (--no-check). */
class SetupValuesTest {
    private static final String API = "https://abc123.execute-api.eu-west-1.amazonaws.com";

    @Test
    void sandboxFromApiUrl() {
        DoctorRun r = DoctorRun.run("--api-url", API + "/", "--env", "sandbox", "--shop-login", "GESPAY65987",
                "--no-check");

        assertEquals(0, r.exit(), r.all());
        assertEquals("https://sandbox.gestpay.net", r.valueAfter("Allowed JavaScript Origins"));
        assertEquals("https://sandbox.gestpay.net/pagam/AmazonPay.aspx", r.valueAfter("Allowed Return URLs"));
        assertEquals("https://sandbox.gestpay.net/pagam/Mobile/AmazonPay.aspx",
                r.valueAfter("Allowed Return URLs (Mobile)"));
        assertEquals("https://sandbox.gestpay.net/pagam/AmazonPayNotification.aspx",
                r.valueAfter("IPN Notification URL"));
        assertEquals("Gestpay", r.valueAfter("Developer's Name"));
        assertEquals("5535-2867-1582", r.valueAfter("Developer ID"));
        assertEquals("AMAZONPAY", r.valueAfter("Payment type to enable"));
        assertTrue(r.valueAfter("Show Address Widget").contains("physical goods"));
        // the trailing slash of --api-url must not produce "//axerve"
        assertEquals(API + "/axerve/return/ok", r.valueAfter("URL for positive response"));
        assertEquals(API + "/axerve/return/ko", r.valueAfter("URL for negative response"));
        assertEquals(API + "/axerve/s2s", r.valueAfter("URL Server to Server"));
        assertTrue(r.flat().contains("Result: SKIPPED"), r.out());
        assertFalse(r.flat().contains("Warnings"), "a public https stack in sandbox needs no warning:\n" + r.out());
    }

    @Test
    void productionFromApiUrlUsesAxervesProductionHosts() {
        DoctorRun r = DoctorRun.run("--api-url", API, "--env", "production", "--shop-login", "9091234",
                "--no-check");

        assertEquals(0, r.exit(), r.all());
        assertEquals("https://ecomm.sella.it", r.valueAfter("Allowed JavaScript Origins"));
        assertEquals("https://ecomm.sella.it/pagam/AmazonPay.aspx", r.valueAfter("Allowed Return URLs"));
        assertEquals("https://ecomm.sella.it/pagam/Mobile/AmazonPay.aspx",
                r.valueAfter("Allowed Return URLs (Mobile)"));
        assertEquals("https://ecomm.sella.it/pagam/AmazonPayNotification.aspx", r.valueAfter("IPN Notification URL"));
        assertEquals("5535-2867-1582", r.valueAfter("Developer ID"));
        assertEquals(API + "/axerve/s2s", r.valueAfter("URL Server to Server"));
        assertTrue(r.flat().contains("production view"), r.out());
        assertFalse(r.flat().contains("sandbox.gestpay.net"), "no sandbox host in a production guide:\n" + r.out());
    }

    @Test
    void stackOutputsFileGivesTheDeployedUrlsAndTheStaticEgressIp() throws Exception {
        DoctorRun r = DoctorRun.run(Map.of("AXERVE_ENV", "production", "AXERVE_SHOP_LOGIN", "9091234"),
                "--stack-outputs", fixture("stack-outputs.json").toString(), "--no-check");

        assertEquals(0, r.exit(), r.all());
        assertEquals("https://pay.shop.example/axerve/return/ok", r.valueAfter("URL for positive response"));
        assertEquals("https://pay.shop.example/axerve/return/ko", r.valueAfter("URL for negative response"));
        assertEquals("https://pay.shop.example/axerve/s2s", r.valueAfter("URL Server to Server"));
        assertEquals("203.0.113.10", r.valueAfter("IP Address (allow-list)"));
        assertEquals("https://ecomm.sella.it/pagam/AmazonPay.aspx", r.valueAfter("Allowed Return URLs"));
        assertTrue(r.flat().contains("Shop login: 9091234"), r.out());
    }

    @Test
    void wholeDescribeStacksDocumentWithOnlyApiUrlDerivesTheRoutes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("describe.json");
        Files.writeString(file, """
                {"Stacks": [{"StackName": "axpay-sandbox", "Outputs": [
                  {"OutputKey": "ApiUrl", "OutputValue": "https://xyz789.execute-api.eu-south-1.amazonaws.com/live/"}
                ]}]}""");

        DoctorRun r = DoctorRun.run("--stack-outputs", file.toString(), "--env", "sandbox", "--shop-login",
                "GESPAY65987", "--no-check");

        assertEquals(0, r.exit(), r.all());
        String base = "https://xyz789.execute-api.eu-south-1.amazonaws.com/live";
        assertEquals(base + "/axerve/return/ok", r.valueAfter("URL for positive response"));
        assertEquals(base + "/axerve/s2s", r.valueAfter("URL Server to Server"));
        assertFalse(r.flat().contains("IP Address (allow-list)"), "no static egress output, no IP:\n" + r.out());
    }

    @Test
    void customInfoKeysAreListedUnderFieldsAndParameters() {
        DoctorRun r = DoctorRun.run("--api-url", API, "--env", "sandbox", "--shop-login", "GESPAY65987",
                "--custom-info-keys", "ORDER_ID, STORE_CODE,ORDER_ID", "--no-check");

        assertEquals(0, r.exit(), r.all());
        assertEquals(List.of("ORDER_ID", "STORE_CODE"), valuesOf(r, "Parameter"));
        assertTrue(r.flat().contains("Payment Page > Fields & Parameters"), r.out());
    }

    @Test
    void jsonFormatCarriesTheSameValuesForScripts() throws Exception {
        DoctorRun r = DoctorRun.run("--api-url", API, "--env", "sandbox", "--shop-login", "GESPAY65987",
                "--custom-info-keys", "ORDER_ID", "--no-check", "--format", "json");

        assertEquals(0, r.exit(), r.all());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("sandbox", json.path("axerve").path("environment").asText());
        assertEquals(API + "/axerve/s2s", json.path("stack").path("s2sUrl").asText());
        assertEquals("https://sandbox.gestpay.net", entry(json, "sellerCentral.client", "allowedJavaScriptOrigins"));
        assertEquals("5535-2867-1582", entry(json, "sellerCentral.mws", "mwsDeveloperId"));
        assertEquals(API + "/axerve/return/ko", entry(json, "backOffice.responseUrls", "negativeUrl"));
        assertEquals("ORDER_ID", entry(json, "backOffice.fields", "customInfo.ORDER_ID"));
        assertEquals("SKIPPED", json.path("check").path("status").asText());
        assertFalse(json.path("apikeySet").asBoolean());
    }

    @Test
    void customSimulatorEnvironmentNeedsNoSellerCentralAndPointsAtTheSimulatorProfile() {
        DoctorRun r = DoctorRun.run("--api-url", "http://127.0.0.1:3000", "--env", "http://127.0.0.1:8085",
                "--shop-login", "GESPAY00001", "--no-check");

        assertEquals(0, r.exit(), r.all());
        assertFalse(r.flat().contains("Allowed JavaScript Origins"), r.out());
        assertTrue(r.flat().contains("PUT http://127.0.0.1:8085/_sim/merchants/GESPAY00001"), r.out());
        assertEquals("http://127.0.0.1:3000/axerve/s2s", r.valueAfter("URL Server to Server"));
        assertFalse(r.flat().contains("Warnings"), "the simulator reaches a loopback stack:\n" + r.out());
    }

    private static List<String> valuesOf(DoctorRun r, String label) {
        List<String> lines = r.lines();
        List<String> values = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals(label + ":")) {
                values.add(lines.get(i + 1));
            }
        }
        return values;
    }

    private static String entry(JsonNode json, String section, String id) {
        for (JsonNode s : json.path("sections")) {
            if (s.path("id").asText().equals(section)) {
                for (JsonNode e : s.path("entries")) {
                    if (e.path("id").asText().equals(id)) {
                        return e.path("value").asText();
                    }
                }
            }
        }
        throw new AssertionError("no entry " + section + "/" + id + " in " + json.toPrettyString());
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(SetupValuesTest.class.getClassLoader().getResource(name).toURI());
    }
}
