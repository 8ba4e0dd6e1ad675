package com.axpay.kit.priming;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers a DynamoDB-shaped {@link LoopbackJsonEndpoint} gives during priming: a table kept in memory for the
 * life of one priming, so a client of the function's settings pointed at it runs the SDK's success paths and a
 * handler priming's use cases find what they wrote. Items are keyed by {@code pk}; puts, deletes and {@code SET} updates
 * (alone or in a transaction) are applied, a GetItem finds its item, a Query or Scan returns the items whose key
 * conditions hold (equality and comparisons). Conditions are not evaluated: every write succeeds. That is enough for
 * warming the request path, and is no model of DynamoDB.
 */
public final class LoopbackDynamoDb {

    private static final String KEY = "pk";

    private final Map<String, Map<String, Object>> items = new ConcurrentHashMap<>();

    /** The JSON answer to one request. */
    public String answer(String target, String body) {
        String op = target.substring(target.indexOf('.') + 1);
        try {
            Map<String, Object> request = JSON.std.mapFrom(body);
            return switch (op) {
                case "PutItem" -> {
                    put(map(request.get("Item")));
                    yield "{}";
                }
                case "GetItem" -> {
                    Map<String, Object> item = items.get(keyOf(map(request.get("Key"))));
                    yield item == null ? "{}" : JSON.std.asString(Map.of("Item", item));
                }
                case "DeleteItem" -> {
                    items.remove(keyOf(map(request.get("Key"))));
                    yield "{}";
                }
                case "UpdateItem" -> {
                    Map<String, Object> updated = update(request);
                    yield "ALL_NEW".equals(request.get("ReturnValues")) && updated != null
                            ? JSON.std.asString(Map.of("Attributes", updated)) : "{}";
                }
                case "TransactWriteItems" -> {
                    for (Object entry : list(request.get("TransactItems"))) {
                        Map<String, Object> e = map(entry);
                        if (e.get("Put") != null) {
                            put(map(map(e.get("Put")).get("Item")));
                        } else if (e.get("Update") != null) {
                            update(map(e.get("Update")));
                        } else if (e.get("Delete") != null) {
                            items.remove(keyOf(map(map(e.get("Delete")).get("Key"))));
                        }
                    }
                    yield "{}";
                }
                case "Query", "Scan" -> {
                    List<Object> found = select(request);
                    yield JSON.std.asString(Map.of("Items", found, "Count", found.size(), "ScannedCount",
                            found.size()));
                }
                default -> "{}";
            };
        } catch (IOException | RuntimeException e) {
            return "{}";
        }
    }

    /** Items held now (for tests). */
    public int size() {
        return items.size();
    }

    private void put(Map<String, Object> item) {
        if (item != null && keyOf(item) != null) {
            items.put(keyOf(item), new LinkedHashMap<>(item));
        }
    }

    /** Applies the {@code SET a = :v, ...} assignments of an update to a value; other clauses are left out. */
    private Map<String, Object> update(Map<String, Object> request) {
        String key = keyOf(map(request.get("Key")));
        if (key == null) {
            return null;
        }
        Map<String, Object> item = items.computeIfAbsent(key, k -> {
            Map<String, Object> fresh = new LinkedHashMap<>();
            fresh.put(KEY, map(request.get("Key")).get(KEY));
            return fresh;
        });
        String expression = Objects.toString(request.get("UpdateExpression"), "").strip();
        if (expression.regionMatches(true, 0, "SET ", 0, 4)) {
            for (String assignment : expression.substring(4).split(",")) {
                String[] sides = assignment.split("=", 2);
                if (sides.length == 2 && sides[1].strip().startsWith(":")) {
                    Object value = map(request.get("ExpressionAttributeValues")).get(sides[1].strip());
                    if (value != null) {
                        item.put(name(request, sides[0].strip()), value);
                    }
                }
            }
        }
        return item;
    }

    /** The items for which every simple key condition ({@code a = :v}, {@code <}, {@code <=}, {@code >}, {@code >=}) holds. */
    private List<Object> select(Map<String, Object> request) {
        List<String[]> conditions = new ArrayList<>();
        String expression = Objects.toString(request.get("KeyConditionExpression"), "");
        for (String part : expression.split("(?i) AND ")) {
            String[] c = part.strip().split("\\s+");
            if (c.length == 3 && c[2].startsWith(":")) {
                conditions.add(new String[]{name(request, c[0]), c[1], c[2]});
            }
        }
        Map<String, Object> values = map(request.get("ExpressionAttributeValues"));
        int limit = request.get("Limit") instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
        List<Object> found = new ArrayList<>();
        for (Map<String, Object> item : items.values()) {
            if (found.size() < limit && conditions.stream().allMatch(c -> holds(item.get(c[0]), c[1], values.get(c[2])))) {
                found.add(item);
            }
        }
        return found;
    }

    private static boolean holds(Object attribute, String operator, Object operand) {
        if (attribute == null || operand == null) {
            return false;
        }
        int cmp = compare(map(attribute), map(operand));
        return switch (operator) {
            case "=" -> cmp == 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            default -> true;
        };
    }

    private static int compare(Map<String, Object> a, Map<String, Object> b) {
        if (a.get("N") != null && b.get("N") != null) {
            return new BigDecimal(a.get("N").toString()).compareTo(new BigDecimal(b.get("N").toString()));
        }
        return Objects.toString(a.get("S"), "").compareTo(Objects.toString(b.get("S"), ""));
    }

    private static String name(Map<String, Object> request, String token) {
        return token.startsWith("#") ? Objects.toString(map(request.get("ExpressionAttributeNames")).get(token), token)
                : token;
    }

    private static String keyOf(Map<String, Object> item) {
        Object key = item.get(KEY);
        return key == null ? null : Objects.toString(map(key).get("S"), null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? List.copyOf(l) : List.of();
    }
}
