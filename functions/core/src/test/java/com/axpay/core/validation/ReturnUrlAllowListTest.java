package com.axpay.core.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReturnUrlAllowListTest {

    private final ReturnUrlAllowList list = ReturnUrlAllowList.of(List.of(
            "https://shop.example.test/checkout/return", "http://127.0.0.1:8080/"));

    @ParameterizedTest
    @ValueSource(strings = {
            "https://shop.example.test/checkout/return",
            "https://shop.example.test/checkout/return/ok?order=1",
            "https://SHOP.example.test:443/checkout/return",
            "http://127.0.0.1:8080/anything",
    })
    void allowed(String url) {
        assertTrue(list.allows(url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://shop.example.test/checkout/return",           // https required off loopback
            "https://shop.example.test/checkout/returnx",         // not at a segment boundary
            "https://shop.example.test/checkout",                 // above the prefix
            "https://shop.example.test:8443/checkout/return",     // other port
            "https://evil.example.test/checkout/return",          // other host
            "https://shop.example.test.evil.test/checkout/return",
            "https://user@shop.example.test/checkout/return",     // user info
            "https://shop.example.test/checkout/return/../admin", // dot segments
            "https://shop.example.test/checkout/return/%2e%2e/admin",
            "https://shop.example.test/checkout/return#frag",
            "http://127.0.0.1:9090/",                             // other loopback port
            "javascript:alert(1)",
            "/checkout/return",
            "not a url",
            "",
    })
    void refused(String url) {
        assertFalse(list.allows(url), url);
    }

    @Test
    void anEntryEndingInASlashAllowsOnlyWhatIsBelowIt() {
        ReturnUrlAllowList folder = ReturnUrlAllowList.of(List.of("https://shop.example.org/checkout/"));
        assertTrue(folder.allows("https://shop.example.org/checkout/"));
        assertTrue(folder.allows("https://shop.example.org/checkout/done?x=1"));
        assertFalse(folder.allows("https://shop.example.org/checkout"), "does not start with the entry");
        assertFalse(folder.allows("https://shop.example.org/checkoutx/done"));
        ReturnUrlAllowList page = ReturnUrlAllowList.of(List.of("https://shop.example.org/checkout"));
        assertTrue(page.allows("https://shop.example.org/checkout"));
        assertTrue(page.allows("https://shop.example.org/checkout/done"));
        assertFalse(page.allows("https://shop.example.org/checkout-evil"));
    }

    @Test
    void refusesNull() {
        assertFalse(list.allows(null));
    }

    @Test
    void badConfigurationNamesTheEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReturnUrlAllowList.of(List.of("https://ok.example.test/", "http://plain.example.test/")));
        assertTrue(e.getMessage().contains("http://plain.example.test/"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReturnUrlAllowList.of(List.of()));
    }
}
