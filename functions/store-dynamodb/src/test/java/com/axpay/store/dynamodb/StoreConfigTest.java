package com.axpay.store.dynamodb;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreConfigTest {

    @Test
    void readsTheEnvironment() {
        StoreConfig c = StoreConfig.fromEnvironment(Map.of("PAYMENTS_TABLE", "axpay-payments",
                "DYNAMODB_ENDPOINT", "http://127.0.0.1:8000", "AWS_REGION", "eu-south-1"));

        assertEquals("axpay-payments", c.paymentsTable());
        assertEquals(URI.create("http://127.0.0.1:8000"), c.endpointOverride());
    }

    @Test
    void productionNeedsOnlyTheTableName() {
        StoreConfig c = StoreConfig.fromEnvironment(Map.of("PAYMENTS_TABLE", "axpay-payments"));

        assertTrue(c.endpoint().isEmpty());
    }

    @Test
    void missingTableIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoreConfig.fromEnvironment(Map.of()));
        assertTrue(e.getMessage().contains("PAYMENTS_TABLE"), e.getMessage());
    }

    @Test
    void endpointWithoutRegionIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoreConfig.fromEnvironment(
                Map.of("PAYMENTS_TABLE", "t-1", "DYNAMODB_ENDPOINT", "http://127.0.0.1:8000")));
        assertTrue(e.getMessage().contains("AWS_REGION"), e.getMessage());
    }

    @Test
    void malformedEndpointIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoreConfig.fromEnvironment(
                Map.of("PAYMENTS_TABLE", "t-1", "DYNAMODB_ENDPOINT", "ftp://x", "AWS_REGION", "eu-south-1")));
        assertTrue(e.getMessage().contains("DYNAMODB_ENDPOINT"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StoreConfig.fromEnvironment(
                Map.of("PAYMENTS_TABLE", "t-1", "DYNAMODB_ENDPOINT", "http://a b", "AWS_REGION", "eu-south-1")));
    }
}
