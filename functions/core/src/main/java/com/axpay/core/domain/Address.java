package com.axpay.core.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** A postal address as Amazon returns it through callReadTrxS2S; every field may be absent. */
public record Address(String name, String addressLine1, String addressLine2, String city, String postalCode,
                      String stateOrRegion, String countryCode, String phone) {

    /**
     * The parts present, by name, in this order: the one naming the store's item and the API's JSON share (a test
     * of each pins its format).
     */
    public Map<String, String> parts() {
        Map<String, String> m = new LinkedHashMap<>();
        String[] names = {"name", "addressLine1", "addressLine2", "city", "postalCode", "stateOrRegion",
                "countryCode", "phone"};
        String[] values = {name, addressLine1, addressLine2, city, postalCode, stateOrRegion, countryCode, phone};
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null) {
                m.put(names[i], values[i]);
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return "Address[redacted]"; // personal data stays out of logs
    }
}
