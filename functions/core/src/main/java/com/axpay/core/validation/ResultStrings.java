package com.axpay.core.validation;

import java.util.regex.Pattern;

/**
 * Whether a caller's {@code b} could be one of Axerve's encrypted result strings (CryptDecryptString). Axerve's are
 * made of {@code A-Z a-z 0-9 * _} (a few more URL-safe characters are let through in case its alphabet grows); a
 * value with anything else (control characters, spaces, non-ASCII) or of absurd length was not written by Axerve, so
 * it is refused without asking Axerve: that call could only fail, and it would count as an Axerve failure.
 */
public final class ResultStrings {

    public static final int MAX_LENGTH = 4096;
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9*_.~+/=-]{1," + MAX_LENGTH + "}");

    private ResultStrings() {
    }

    public static boolean plausible(String b) {
        return b != null && PLAUSIBLE.matcher(b).matches();
    }
}
