package com.axpay.doctor;

import java.util.List;

/**
 * Everything the doctor found, rendered as text or JSON. Field names are the JSON keys scripts rely on.
 *
 * @param apikeySet whether AXERVE_APIKEY is set; the key itself is never part of the report
 */
record Report(Axerve axerve, StackUrls stack, String shopLogin, boolean apikeySet, List<String> warnings,
        List<Section> sections, CheckResult check) {

    record Axerve(String environment, String baseUrl, String cryptDecryptEndpoint) {
    }

    /** One place to fill in: {@code where} is the menu path, each entry one value to copy. */
    record Section(String id, String title, String where, List<Entry> entries, List<String> notes) {
    }

    /** @param id stable key for scripts; @param label the field's name as the form shows it */
    record Entry(String id, String label, String value) {
    }
}
