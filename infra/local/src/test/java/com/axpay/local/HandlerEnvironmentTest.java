package com.axpay.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandlerEnvironmentTest {

    private static SamTemplate template;

    @BeforeAll
    static void load() throws Exception {
        template = SamTemplate.load(FixtureApi.templatePath(), "eu-south-1", StackSettings.STACK_NAME);
    }

    private static HandlerEnvironment compute(Map<String, String> caller) {
        return HandlerEnvironment.compute(template.functions(),
                template.tables().stream().map(SamTemplate.TableDef::tableName).toList(),
                StackSettings.from(caller, null), caller);
    }

    @Test
    void templateValuesThenCallerThenStackWiring() {
        Map<String, String> caller = Map.of("GREETING", "from-caller", "AXERVE_ENV", "simulator",
                "SECRET_THING", "local-secret", "API_PORT", "3100");
        Map<String, String> v = compute(caller).values();
        assertEquals("axpay-local-items", v.get("ITEMS_TABLE"), "template value");
        assertEquals("from-caller", v.get("GREETING"), "the caller's value wins over the template's");
        assertEquals("local-secret", v.get("SECRET_THING"), "what only AWS resolves can be given by the caller");
        assertEquals("http://127.0.0.1:3001", v.get("AXERVE_ENV"), "the stack points the handlers at its simulator");
        assertEquals("http://127.0.0.1:8000", v.get("DYNAMODB_ENDPOINT"));
        assertEquals("eu-south-1", v.get("AWS_REGION"));
        assertEquals("local-storefront-key", v.get("STOREFRONT_API_KEY"));
        assertEquals("http://127.0.0.1:3100/_local/demo/result", v.get("RETURN_URL_ALLOWLIST"));
        assertEquals("http://127.0.0.1:3100/_local/demo/result", v.get("DEFAULT_RETURN_URL"));
        assertTrue(v.containsKey("AXERVE_APIKEY_SECRET_ARN"));
        assertNull(v.get("AXERVE_APIKEY_SECRET_ARN"), "a plain value and a secret ARN must not both be set");
    }

    @Test
    void realSandboxIsPassedToTheHandlersWithTheCallersShop() {
        Map<String, String> v = compute(Map.of("AXERVE_ENV", "sandbox", "AXERVE_SHOP_LOGIN", "GESPAY12345",
                "AXERVE_APIKEY", "sandbox-key")).values();
        assertEquals("sandbox", v.get("AXERVE_ENV"));
        assertEquals("GESPAY12345", v.get("AXERVE_SHOP_LOGIN"));
        assertEquals("sandbox-key", v.get("AXERVE_APIKEY"));
    }

    @Test
    void unresolvableVariablesWithoutValueAreWarnedAbout() {
        HandlerEnvironment env = compute(Map.of());
        assertFalse(env.values().containsKey("SECRET_THING"));
        assertTrue(env.warnings().stream().anyMatch(w -> w.startsWith("SECRET_THING cannot be resolved")),
                env.warnings().toString());
        assertTrue(env.warnings().stream().anyMatch(w -> w.startsWith("STAGE differs")), env.warnings().toString());
    }

    @Test
    void callersAllowListIsKeptAndTheDemoPageAdded() {
        Map<String, String> v = compute(Map.of("RETURN_URL_ALLOWLIST", "https://shop.example/return",
                "DEFAULT_RETURN_URL", "https://shop.example/return/default")).values();
        assertEquals("https://shop.example/return,http://127.0.0.1:3000/_local/demo/result",
                v.get("RETURN_URL_ALLOWLIST"));
        assertEquals("https://shop.example/return/default", v.get("DEFAULT_RETURN_URL"));
    }

    @Test
    void awsModeNeedsTheDeployedTableNamesAndUnsetsTheEndpoint() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> compute(Map.of("DDB_MODE", "aws")));
        assertTrue(e.getMessage().contains("ITEMS_TABLE"), e.getMessage());
        Map<String, String> v = compute(Map.of("DDB_MODE", "aws", "ITEMS_TABLE", "prod-items-X1")).values();
        assertEquals("prod-items-X1", v.get("ITEMS_TABLE"));
        assertTrue(v.containsKey("DYNAMODB_ENDPOINT"));
        assertNull(v.get("DYNAMODB_ENDPOINT"));
    }

    @Test
    void environmentRecomputedFromItsOwnExportsIsUnchanged() {
        HandlerEnvironment first = compute(Map.of());
        Map<String, String> after = new HashMap<>();
        first.values().forEach((k, val) -> {
            if (val != null) {
                after.put(k, val);
            }
        });
        assertEquals(List.of(), compute(after).mismatches(after), "the stack accepts what run exported");
        assertTrue(StackSettings.from(after, null).runsSimulator(),
                "AXERVE_ENV now holds the simulator's URL, yet the stack still knows to run the simulator");
        assertFalse(first.mismatches(Map.of()).isEmpty(), "a JVM started without them is refused");
    }

    @Test
    void shellExportsSurviveBashQuoting() throws IOException, InterruptedException {
        Map<String, String> caller = Map.of("GREETING", "it's $HOME `x` \"q\" \\ done");
        String exports = compute(caller).shellExports();
        Path script = Files.createTempFile("exports", ".sh");
        try {
            Files.writeString(script, exports + "printf %s \"$GREETING\"\n");
            Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            assertEquals("it's $HOME `x` \"q\" \\ done",
                    new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            Files.delete(script);
        }
    }
}
