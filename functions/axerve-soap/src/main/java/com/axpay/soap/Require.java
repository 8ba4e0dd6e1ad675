package com.axpay.soap;

/** Argument checks shared by the request builders. */
final class Require {
    private Require() {
    }

    static String nonBlank(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** Axerve amounts: digits, '.' decimal separator, at most 2 decimals, no thousands separator. */
    static String amount(String value) {
        nonBlank("amount", value);
        if (!value.matches("\\d{1,6}(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException("amount must look like 10 or 10.00 (max 2 decimals, '.' separator)");
        }
        return value;
    }

    static String uicCode(String value) {
        nonBlank("uicCode", value);
        if (UicCurrency.fromUic(value).isEmpty()) {
            throw new IllegalArgumentException("uicCode " + value + " is not an Axerve UIC currency code (EUR is 242)");
        }
        return value;
    }
}
