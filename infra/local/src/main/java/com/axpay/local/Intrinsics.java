package com.axpay.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsic functions to the values they would have in the local stack: parameters take
 * their defaults (or local overrides), resources their local names, pseudo parameters fixed local values.
 * Whatever only AWS can answer ({@code {{resolve:...}}}, imports, AZs) is {@link Unresolvable}.
 */
final class Intrinsics {

    static final String ACCOUNT_ID = "123456789012";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)}");

    private final Map<String, String> parameters;
    private final Function<String, String> resourceRef;
    private final Map<String, Object> conditions;
    private final String region;
    private final String stackName;

    /**
     * @param resourceRef the local value of {@code Ref <LogicalId>} for a resource, or null if there is none
     */
    Intrinsics(Map<String, String> parameters, Function<String, String> resourceRef, Map<String, Object> conditions,
               String region, String stackName) {
        this.parameters = parameters;
        this.resourceRef = resourceRef;
        this.conditions = conditions;
        this.region = region;
        this.stackName = stackName;
    }

    /** Thrown for a value the local stack cannot know. */
    static final class Unresolvable extends RuntimeException {
        Unresolvable(String message) {
            super(message);
        }
    }

    /** The value as a string (numbers and booleans as YAML wrote them). */
    String string(Object value) {
        Object v = resolve(value);
        if (v instanceof Map || v instanceof List) {
            throw new Unresolvable("not a scalar: " + value);
        }
        String s = String.valueOf(v);
        if (s.contains("{{resolve:")) {
            throw new Unresolvable("dynamic reference " + s);
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    Object resolve(Object value) {
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                out.add(resolve(item));
            }
            return out;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        if (map.size() == 1) {
            String key = String.valueOf(map.keySet().iterator().next());
            Object arg = map.values().iterator().next();
            switch (key) {
                case "Ref" -> { return ref(String.valueOf(arg)); }
                case "Fn::Sub" -> { return sub(arg); }
                case "Fn::Join" -> { return join((List<Object>) arg); }
                case "Fn::Select" -> { return select((List<Object>) arg); }
                case "Fn::Split" -> { return split((List<Object>) arg); }
                case "Fn::GetAtt" -> { return getAtt((List<Object>) arg); }
                case "Fn::If" -> { return fnIf((List<Object>) arg); }
                case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition" -> { return condition(map); }
                default -> {
                    if (key.startsWith("Fn::")) {
                        throw new Unresolvable(key + " is not available locally");
                    }
                }
            }
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), resolve(v)));
        return out;
    }

    boolean condition(String name) {
        Object definition = conditions.get(name);
        if (definition == null) {
            throw new Unresolvable("unknown condition " + name);
        }
        return condition(definition);
    }

    @SuppressWarnings("unchecked")
    private boolean condition(Object expression) {
        Map<String, Object> map = (Map<String, Object>) expression;
        String key = map.keySet().iterator().next();
        Object arg = map.get(key);
        return switch (key) {
            case "Condition" -> condition(String.valueOf(arg));
            case "Fn::Equals" -> {
                List<Object> pair = (List<Object>) arg;
                yield string(pair.get(0)).equals(string(pair.get(1)));
            }
            case "Fn::Not" -> !condition(((List<Object>) arg).get(0));
            case "Fn::And" -> ((List<Object>) arg).stream().allMatch(this::condition);
            case "Fn::Or" -> ((List<Object>) arg).stream().anyMatch(this::condition);
            default -> throw new Unresolvable("not a condition: " + key);
        };
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::Region": return region;
            case "AWS::AccountId": return ACCOUNT_ID;
            case "AWS::StackName": return stackName;
            case "AWS::Partition": return "aws";
            case "AWS::URLSuffix": return "amazonaws.com";
            case "AWS::NoValue": return null;
            default:
        }
        if (parameters.containsKey(name)) {
            String v = parameters.get(name);
            if (v == null) {
                throw new Unresolvable("parameter " + name + " has no default");
            }
            return v;
        }
        String resource = resourceRef.apply(name);
        if (resource == null) {
            throw new Unresolvable("Ref " + name);
        }
        return resource;
    }

    @SuppressWarnings("unchecked")
    private String sub(Object arg) {
        String template;
        Map<String, Object> variables = Map.of();
        if (arg instanceof List<?> list) {
            template = String.valueOf(list.get(0));
            variables = (Map<String, Object>) list.get(1);
        } else {
            template = String.valueOf(arg);
        }
        Matcher m = SUB_VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = "${" + m.group(2) + "}"; // ${!Literal}
            } else if (variables.containsKey(m.group(2))) {
                replacement = string(variables.get(m.group(2)));
            } else if (m.group(2).contains(".") && !m.group(2).startsWith("AWS::")) {
                replacement = getAtt(List.of((Object[]) m.group(2).split("\\.", 2)));
            } else {
                replacement = ref(m.group(2));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? "" : replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String join(List<Object> arg) {
        List<String> parts = new ArrayList<>();
        for (Object o : (List<?>) resolve(arg.get(1))) {
            parts.add(String.valueOf(o));
        }
        return String.join(string(arg.get(0)), parts);
    }

    private Object select(List<Object> arg) {
        return ((List<?>) resolve(arg.get(1))).get(Integer.parseInt(string(arg.get(0))));
    }

    private List<String> split(List<Object> arg) {
        return List.of(string(arg.get(1)).split(Pattern.quote(string(arg.get(0))), -1));
    }

    private String getAtt(List<Object> arg) {
        String resource = String.valueOf(arg.get(0));
        String attribute = String.valueOf(arg.get(1));
        String name = resourceRef.apply(resource);
        if (name == null) {
            throw new Unresolvable("GetAtt " + resource + "." + attribute);
        }
        return switch (attribute) {
            case "Arn" -> "arn:aws:local:" + region + ":" + ACCOUNT_ID + ":" + name;
            case "StreamArn" -> "arn:aws:local:" + region + ":" + ACCOUNT_ID + ":" + name + "/stream";
            default -> name + "." + attribute;
        };
    }

    private Object fnIf(List<Object> arg) {
        return resolve(condition(String.valueOf(arg.get(0))) ? arg.get(1) : arg.get(2));
    }
}
