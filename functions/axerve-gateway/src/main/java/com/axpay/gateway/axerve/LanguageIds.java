package com.axpay.gateway.axerve;

import java.util.Map;

/** Axerve's languageId for the storefront's language code (PROTOCOL §4.3: 1 it, 2 en, 3 es, 4 fr, 5 de). */
final class LanguageIds {

    private static final Map<String, Integer> IDS = Map.of("it", 1, "en", 2, "es", 3, "fr", 4, "de", 5);

    private LanguageIds() {
    }

    /** Null for a null code (Axerve then uses the shop's default language). */
    static Integer of(String language) {
        if (language == null) {
            return null;
        }
        Integer id = IDS.get(language);
        if (id == null) {
            throw new IllegalArgumentException("unsupported language " + language);
        }
        return id;
    }
}
