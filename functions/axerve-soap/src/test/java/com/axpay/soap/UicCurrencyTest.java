package com.axpay.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UicCurrencyTest {
    @Test
    void euroIs242NeverIso978() {
        assertEquals("242", UicCurrency.fromIso("eur").orElseThrow().uic());
        assertEquals(UicCurrency.EUR, UicCurrency.fromUic("242").orElseThrow());
        assertTrue(UicCurrency.fromUic("978").isEmpty());
    }

    @Test
    void tableRowsFromTheProtocol() {
        assertEquals("1", UicCurrency.USD.uic());
        assertEquals("2", UicCurrency.GBP.uic());
        assertEquals("71", UicCurrency.JPY.uic());
        assertEquals("270", UicCurrency.RON.uic());
        assertEquals(UicCurrency.CHF, UicCurrency.fromUic("003").orElseThrow());
        assertTrue(UicCurrency.ZAR.droppedFromPublicTable());
        assertTrue(!UicCurrency.EUR.droppedFromPublicTable());
        assertTrue(UicCurrency.fromIso("XYZ").isEmpty());
        assertTrue(UicCurrency.fromUic("abc").isEmpty());
    }

    @Test
    void codesAreUniqueBothWays() {
        Set<String> uics = new HashSet<>();
        for (UicCurrency c : UicCurrency.values()) {
            assertTrue(uics.add(c.uic()), c.iso());
            assertEquals(c, UicCurrency.fromUic(c.uic()).orElseThrow());
            assertEquals(c, UicCurrency.fromIso(c.iso()).orElseThrow());
        }
        assertEquals(53, uics.size());
    }
}
