package com.axpay.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CustomInfoTest {
    @Test
    void encodesInOrderAndParsesBack() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ORDER", "A-17");
        m.put("CART", "c.9_x");
        String encoded = CustomInfo.encode(m);
        assertEquals("ORDER=A-17*P1*CART=c.9_x", encoded);
        assertEquals(m, CustomInfo.parse(encoded));
    }

    @Test
    void emptyMapIsNotSent() {
        assertNull(CustomInfo.encode(Map.of()));
        assertNull(CustomInfo.encode(null));
        assertTrue(CustomInfo.parse(null).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a&b", "a*P1*b", "a*b", "a<b", "a>b", "a,b", "a;b", "a:b", "a/b", "a[b", "a]b",
        "a?b", "a=b", "a--b", "a%b", "a~b", "a°b", "a§b", "a(b", "a)b"})
    void rejectsAxervesForbiddenCharactersNamingTheKeyNotTheValue(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CustomInfo.encode(Map.of("NOTE", value)));
        assertTrue(e.getMessage().contains("customInfo value of 'NOTE'"), e.getMessage());
        assertTrue(!e.getMessage().contains(value), "the value itself may be personal data");
    }

    @Test
    void rejectsForbiddenKeyAndOverlongValues() {
        assertThrows(IllegalArgumentException.class, () -> CustomInfo.encode(Map.of("BAD KEY", "v")));
        assertThrows(IllegalArgumentException.class, () -> CustomInfo.encode(Map.of("K", "x".repeat(301))));
        Map<String, String> big = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            big.put("K" + i, "x".repeat(250));
        }
        assertThrows(IllegalArgumentException.class, () -> CustomInfo.encode(big));
    }

    @Test
    void parseKeepsValuesAsSentAndToleratesOddPieces() {
        assertEquals(Map.of("STORE_NAME", "Negozio%2BAbc", "FLAG", ""),
                CustomInfo.parse("STORE_NAME=Negozio%2BAbc*P1*FLAG*P1*"));
    }
}
