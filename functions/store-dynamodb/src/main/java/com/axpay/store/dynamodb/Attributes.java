package com.axpay.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/**
 * The attribute conventions every item layout of the payments table shares: strings and numbers as DynamoDB values,
 * instants as ISO-8601 strings, and an absent value as an absent attribute (DynamoDB has no use for nulls).
 */
final class Attributes {

    private Attributes() {
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    /** Puts {@code v} as a string attribute, or nothing when it is null. */
    static void put(Map<String, AttributeValue> m, String name, String v) {
        if (v != null) {
            m.put(name, s(v));
        }
    }

    /** Puts {@code v} as a map attribute, or nothing when it is empty. */
    static void putMap(Map<String, AttributeValue> m, String name, Map<String, AttributeValue> v) {
        if (!v.isEmpty()) {
            m.put(name, AttributeValue.fromM(v));
        }
    }

    /** The string attribute {@code name}, null when absent. */
    static String str(Map<String, AttributeValue> m, String name) {
        AttributeValue v = m.get(name);
        return v == null ? null : v.s();
    }

    /** The number attribute {@code name}, which must be present. */
    static int num(Map<String, AttributeValue> m, String name) {
        return Integer.parseInt(m.get(name).n());
    }

    /** The number attribute {@code name}, which must be present. */
    static long lng(Map<String, AttributeValue> m, String name) {
        return Long.parseLong(m.get(name).n());
    }

    static String instant(Instant i) {
        return i == null ? null : i.toString();
    }

    static Instant instantFrom(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
