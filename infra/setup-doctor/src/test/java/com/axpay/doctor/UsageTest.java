package com.axpay.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command lines exit with 64, say what is wrong and print nothing on stdout. */
class UsageTest {

    private static void assertUsage(DoctorRun r, String expectedMessage) {
        assertEquals(64, r.exit(), r.all());
        assertTrue(r.err().contains(expectedMessage), r.err());
        assertTrue(r.err().contains("Usage: doctor"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void noStackGiven() {
        assertUsage(DoctorRun.run("--env", "sandbox"), "give exactly one of --api-url and --stack-outputs");
    }

    @Test
    void bothStackSourcesGiven() {
        assertUsage(DoctorRun.run("--api-url", "https://a.example", "--stack-outputs", "x.json", "--env",
                "sandbox"), "give exactly one of --api-url and --stack-outputs");
    }

    @Test
    void apikeyAsAnArgumentIsRefusedWithoutEchoingIt() {
        DoctorRun r = DoctorRun.run("--api-url", "https://a.example", "--env", "sandbox", "--apikey=s3cr3t-k3y");
        assertUsage(r, "AXERVE_APIKEY environment variable only");
        assertTrue(!r.all().contains("s3cr3t-k3y"), r.all());
    }

    @Test
    void noEnvironmentAnywhere() {
        assertUsage(DoctorRun.run("--api-url", "https://a.example"), "no Axerve environment");
    }

    @Test
    void unknownEnvironment() {
        assertUsage(DoctorRun.run("--api-url", "https://a.example", "--env", "staging"),
                "--env must be sandbox, production or an http(s) base URL");
    }

    @Test
    void environmentVariableIsTheDefaultButTheFlagWins() {
        DoctorRun r = DoctorRun.run(Map.of("AXERVE_ENV", "staging"), "--api-url", "https://a.example", "--env",
                "production", "--shop-login", "9091234", "--no-check");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.flat().contains("Axerve environment: production"), r.out());
    }

    @Test
    void relativeApiUrl() {
        assertUsage(DoctorRun.run("--api-url", "abc.execute-api.eu-west-1.amazonaws.com", "--env", "sandbox"),
                "--api-url must be an absolute http(s) URL");
    }

    @Test
    void unknownFlagAndMissingValue() {
        assertUsage(DoctorRun.run("--api-url", "https://a.example", "--env", "sandbox", "--verbose"),
                "unknown argument: --verbose");
        assertUsage(DoctorRun.run("--api-url", "https://a.example", "--env"), "--env needs a value");
        assertUsage(DoctorRun.run("--api-url", "https://a.example", "--env", "sandbox", "--format", "yaml"),
                "--format must be text or json");
    }

    @Test
    void missingOrUnusableOutputsFile(@TempDir Path dir) throws Exception {
        assertUsage(DoctorRun.run("--stack-outputs", dir.resolve("none.json").toString(), "--env", "sandbox"),
                "no such file");
        Path notJson = Files.writeString(dir.resolve("outputs.txt"), "ApiUrl=https://a.example");
        assertUsage(DoctorRun.run("--stack-outputs", notJson.toString(), "--env", "sandbox"), "is not JSON");
        Path noUrls = Files.writeString(dir.resolve("outputs.json"),
                "[{\"OutputKey\": \"TableName\", \"OutputValue\": \"payments\"}]");
        assertUsage(DoctorRun.run("--stack-outputs", noUrls.toString(), "--env", "sandbox"),
                "has neither AxervePositiveUrl nor ApiUrl");
    }

    @Test
    void helpIsNotAnError() {
        DoctorRun r = DoctorRun.run("--help");
        assertEquals(0, r.exit());
        assertTrue(r.flat().contains("Usage: doctor"), r.out());
    }
}
