package com.axpay.soap;

/** Argument checks shared by the requests: one rule per parameter, whatever operation carries it. */
final class Require {
    private Require() {
    }

    static String nonBlank(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** Throws when a set value is not one Axerve accepts for that parameter. */
    static void valid(String key, String value) {
        switch (key) {
            // Axerve amounts: digits, '.' decimal separator, at most 2 decimals, no thousands separator
            case "amount" -> {
                if (!value.matches("\\d{1,6}(\\.\\d{1,2})?")) {
                    throw new IllegalArgumentException(
                            "amount must look like 10 or 10.00 (max 2 decimals, '.' separator)");
                }
            }
            case "uicCode" -> {
                if (UicCurrency.fromUic(value).isEmpty()) {
                    throw new IllegalArgumentException(
                            "uicCode " + value + " is not an Axerve UIC currency code (EUR is 242)");
                }
            }
            case "refundReason", "cancelReason" -> {
                if (value.length() > 50) {
                    throw new IllegalArgumentException(key + " is longer than 50 characters");
                }
            }
            default -> {
            }
        }
    }
}
