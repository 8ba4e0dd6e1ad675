package com.axpay.soap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Axerve's {@code customInfo} string: {@code key=value*P1*key=value}. Encoding rejects the characters and sequences
 * Axerve forbids in Encrypt parameters (PROTOCOL.md §1.2) so a bad merchant value fails here, with a message naming
 * the key, instead of as an opaque 11xx code from Axerve.
 */
public final class CustomInfo {
    public static final String SEPARATOR = "*P1*";
    public static final int MAX_TOTAL_LENGTH = 1000;
    public static final int MAX_VALUE_LENGTH = 300;

    /** Forbidden sequences first, so the message names the longest match ("*P1*" rather than "*"). */
    static final List<String> FORBIDDEN = List.of(
            "*P1*", "--", "/*", "//", "&", " ", "§", "(", ")", "*", "<", ">", ",", ";", ":", "/", "[", "]", "?", "=",
            "%", "~", "°");

    private CustomInfo() {
    }

    /** Encodes the map in iteration order; null or empty map gives null (the field is then not sent). */
    public static String encode(Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue();
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("customInfo: empty key");
            }
            check("customInfo key '" + key + "'", key);
            check("customInfo value of '" + key + "'", value);
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException(
                        "customInfo value of '" + key + "' is longer than " + MAX_VALUE_LENGTH + " characters");
            }
            if (out.length() > 0) {
                out.append(SEPARATOR);
            }
            out.append(key).append('=').append(value);
        }
        if (out.length() > MAX_TOTAL_LENGTH) {
            throw new IllegalArgumentException("customInfo is longer than " + MAX_TOTAL_LENGTH + " characters");
        }
        return out.toString();
    }

    /**
     * Throws when {@code value} contains a character or sequence Axerve refuses in Encrypt parameters.
     *
     * @param what names the field in the message (never the value, which may be personal data)
     */
    public static void check(String what, String value) {
        if (value == null) {
            return;
        }
        for (String bad : FORBIDDEN) {
            if (value.contains(bad)) {
                throw new IllegalArgumentException(what + " contains '" + bad
                        + "', which Axerve does not accept (forbidden: & space § ( ) * < > , ; : *P1* / [ ] ? = -- /* % // ~ °)");
            }
        }
    }

    /** Parses {@code k=v*P1*k=v} as returned by Decrypt; pieces without '=' map to an empty value. */
    public static Map<String, String> parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String piece : raw.split("\\*P1\\*", -1)) {
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            if (eq < 0) {
                out.put(piece, "");
            } else {
                out.put(piece.substring(0, eq), piece.substring(eq + 1));
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
