package com.axpay.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackSettingsTest {

    @Test
    void defaultRunIsEntirelyLocal() {
        StackSettings s = StackSettings.from(Map.of(), null);
        assertEquals(3000, s.apiPort());
        assertEquals(3001, s.simulatorPort());
        assertEquals(8000, s.dynamoDbPort());
        assertTrue(s.runsSimulator());
        assertTrue(s.runsDynamoDbLocal());
        assertNull(s.dynamoDbDataDir());
        assertEquals("http://127.0.0.1:8000", s.effectiveDynamoDbEndpoint());
        assertEquals("GESPAY00001", s.shopLogin());
        assertEquals("local-storefront-key", s.storefrontApiKey());
        assertEquals("http://127.0.0.1:3000/_local/demo/result", s.demoResultUrl());
        assertEquals(Path.of("template.yaml"), s.template());
    }

    @Test
    void dataDirOptionWinsOverTheVariable() {
        assertEquals(Path.of("from-env"), StackSettings.from(Map.of("DDB_DATA_DIR", "from-env"), null)
                .dynamoDbDataDir());
        assertEquals(Path.of("from-option"), StackSettings.from(Map.of("DDB_DATA_DIR", "from-env"),
                Path.of("from-option")).dynamoDbDataDir());
    }

    @Test
    void realSandboxNeedsItsCredentialsAndStopsTheSimulator() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StackSettings.from(Map.of("AXERVE_ENV", "sandbox"), null));
        assertTrue(e.getMessage().contains("AXERVE_SHOP_LOGIN is required"), e.getMessage());
        assertTrue(e.getMessage().contains("AXERVE_APIKEY is required"), e.getMessage());
        StackSettings s = StackSettings.from(Map.of("AXERVE_ENV", "sandbox", "AXERVE_SHOP_LOGIN", "GESPAY12345",
                "AXERVE_APIKEY", "k"), null);
        assertFalse(s.runsSimulator());
    }

    @Test
    void productionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StackSettings.from(Map.of("AXERVE_ENV", "production",
                "AXERVE_SHOP_LOGIN", "GESPAY12345", "AXERVE_APIKEY", "k"), null));
    }

    @Test
    void realDynamoDbIsAnExplicitSwitchWithoutEndpoint() {
        StackSettings aws = StackSettings.from(Map.of("DDB_MODE", "aws"), null);
        assertFalse(aws.runsDynamoDbLocal());
        assertNull(aws.effectiveDynamoDbEndpoint());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StackSettings.from(Map.of("DDB_MODE", "aws", "DDB_ENDPOINT", "http://127.0.0.1:9"), null));
        assertTrue(e.getMessage().contains("DDB_ENDPOINT must be unset"), e.getMessage());

        StackSettings external = StackSettings.from(Map.of("DDB_ENDPOINT", "http://127.0.0.1:4566"), null);
        assertFalse(external.runsDynamoDbLocal());
        assertEquals("http://127.0.0.1:4566", external.effectiveDynamoDbEndpoint());
    }

    @Test
    void badValuesAreAllNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StackSettings.from(
                Map.of("API_PORT", "http", "DDB_PORT", "70000", "DDB_MODE", "cloud", "LOCAL_SCHEDULES", "maybe"),
                null));
        for (String name : new String[] {"API_PORT", "DDB_PORT", "DDB_MODE", "LOCAL_SCHEDULES"}) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }
}
