package com.axpay.kit.testing;

import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against a schema of an OpenAPI document: required properties present, types and enums as
 * documented, no undocumented field, recursively through {@code $ref}, objects and arrays. The contract tests of
 * the payments and recurring routes share it.
 */
public final class OpenApiSchemas {

    private final Map<String, Object> spec;

    public OpenApiSchemas(Map<String, Object> spec) {
        this.spec = spec;
    }

    /** Adds one line to {@code problems} for each way {@code value} departs from {@code schema}. */
    public void conform(Object value, Map<String, Object> schema, String where, List<String> problems) {
        if (schema.containsKey("$ref")) {
            String ref = (String) schema.get("$ref");
            schema = map(map(map(spec.get("components")).get("schemas")).get(ref.substring(ref.lastIndexOf('/') + 1)));
        }
        String type = (String) schema.get("type");
        if (schema.containsKey("enum") && !((List<?>) schema.get("enum")).contains(value)) {
            problems.add(where + ": " + value + " is not one of " + schema.get("enum"));
        }
        if ("string".equals(type) && !(value instanceof String)) {
            problems.add(where + ": expected a string, got " + value);
        } else if ("integer".equals(type) && !(value instanceof Integer || value instanceof Long)) {
            problems.add(where + ": expected an integer, got " + value);
        } else if ("array".equals(type)) {
            if (!(value instanceof List<?> items)) {
                problems.add(where + ": expected an array, got " + value);
                return;
            }
            for (Object item : items) {
                conform(item, map(schema.get("items")), where + "[]", problems);
            }
        } else if ("object".equals(type)) {
            if (!(value instanceof Map<?, ?> object)) {
                problems.add(where + ": expected an object, got " + value);
                return;
            }
            for (Object required : (List<?>) schema.getOrDefault("required", List.of())) {
                if (!object.containsKey(required)) {
                    problems.add(where + ": required field " + required + " missing");
                }
            }
            Map<String, Object> properties = map(schema.getOrDefault("properties", Map.of()));
            for (Map.Entry<?, ?> e : object.entrySet()) {
                Object property = properties.get(String.valueOf(e.getKey()));
                if (property == null && schema.get("additionalProperties") == null) {
                    problems.add(where + ": undocumented field " + e.getKey());
                } else if (property != null) {
                    conform(e.getValue(), map(property), where + "." + e.getKey(), problems);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
