package com.axpay.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The environment the handlers run with. The handlers wire themselves from {@code System.getenv} once per process,
 * which cannot change inside a JVM, so {@code infra/local/run} asks for it ({@code --print-env}) and starts the
 * stack's JVM with it; the stack then checks it got it.
 * <p>Precedence: the template's variables (Globals, then each function) &lt; the same names set by the caller &lt;
 * the stack's wiring (Axerve and DynamoDB endpoints, credentials, the demo's return URL).
 */
final class HandlerEnvironment {

    /** Values the stack decides; {@code null} means the variable must be absent. */
    private final Map<String, String> values;
    private final List<String> warnings;

    private HandlerEnvironment(Map<String, String> values, List<String> warnings) {
        this.values = values;
        this.warnings = warnings;
    }

    /**
     * @param localTableNames the template's tables as named locally: with real DynamoDB the caller must name the
     *                        deployed tables instead
     */
    static HandlerEnvironment compute(List<SamTemplate.FunctionDef> functions, List<String> localTableNames,
                                      StackSettings s, Map<String, String> callerEnv) {
        Map<String, String> v = new LinkedHashMap<>();
        Set<String> warnings = new LinkedHashSet<>();
        Set<String> unresolved = new LinkedHashSet<>();
        for (SamTemplate.FunctionDef f : functions) {
            f.environment().forEach((name, value) -> {
                String previous = v.putIfAbsent(name, value);
                if (previous != null && !previous.equals(value)) {
                    warnings.add(name + " differs between functions; the stack's single process uses '"
                            + previous + "'");
                }
            });
            unresolved.addAll(f.unresolvedVariables());
        }
        if (s.dynamoDbMode() == StackSettings.DynamoDbMode.AWS) {
            List<String> tableVariables = v.entrySet().stream()
                    .filter(e -> localTableNames.contains(e.getValue()) && !callerEnv.containsKey(e.getKey()))
                    .map(Map.Entry::getKey).toList();
            if (!tableVariables.isEmpty()) {
                throw new IllegalArgumentException("with DDB_MODE=aws set " + String.join(", ", tableVariables)
                        + " to the deployed table names (the stack's outputs)");
            }
        }
        for (String name : new ArrayList<>(v.keySet())) {
            if (callerEnv.containsKey(name)) {
                v.put(name, callerEnv.get(name));
            }
        }
        for (String name : unresolved) {
            if (callerEnv.containsKey(name)) {
                v.put(name, callerEnv.get(name));
            }
        }

        v.put("AWS_REGION", s.region());
        v.put("DYNAMODB_ENDPOINT", s.effectiveDynamoDbEndpoint());
        v.put("EVENTS_ENDPOINT", s.apiBaseUrl() + LocalEvents.PUT_PATH); // the stack's own event bus
        v.put("SQS_ENDPOINT", s.sqsEndpoint()); // ElasticMQ: the template's queues
        v.put("LOCAL_CLOCK_FILE", s.clockFile().toString()); // the test clock, moved by POST /_local/clock
        v.put("AXERVE_ENV", s.runsSimulator() ? s.simulatorBaseUrl() : s.axerveEnv());
        v.put(StackSettings.AXERVE_ENV_SETTING, s.axerveEnv());
        v.put("AXERVE_SHOP_LOGIN", s.shopLogin());
        v.put("AXERVE_APIKEY", s.apikey());
        v.put("STOREFRONT_API_KEY", s.storefrontApiKey());
        // a secret is given either as a value or as the secret's ARN, never both: locally it is the value
        v.put("AXERVE_APIKEY_SECRET_ARN", null);
        v.put("STOREFRONT_API_KEY_SECRET_ARN", null);
        Set<String> allow = new LinkedHashSet<>();
        String callerAllowList = callerEnv.getOrDefault("RETURN_URL_ALLOWLIST", v.get("RETURN_URL_ALLOWLIST"));
        for (String e : Objects.requireNonNullElse(callerAllowList, "").split(",")) {
            if (!e.isBlank() && !isTemplatePlaceholder(e)) {
                allow.add(e.strip());
            }
        }
        allow.add(s.demoResultUrl());
        v.put("RETURN_URL_ALLOWLIST", String.join(",", allow));
        v.put("DEFAULT_RETURN_URL", callerEnv.getOrDefault("DEFAULT_RETURN_URL", s.demoResultUrl()));
        unresolved.removeAll(v.keySet());
        unresolved.forEach(name -> warnings.add(name + " cannot be resolved locally (set it in the environment)"));
        return new HandlerEnvironment(v, List.copyOf(warnings));
    }

    /** A leftover {@code ${...}} is not a URL; deployed defaults like {@code https://shop.example/return} are kept. */
    private static boolean isTemplatePlaceholder(String entry) {
        return entry.contains("${");
    }

    Map<String, String> values() {
        return values;
    }

    List<String> warnings() {
        return warnings;
    }

    /** The names whose value in {@code actual} differs from what the handlers need. */
    List<String> mismatches(Map<String, String> actual) {
        List<String> out = new ArrayList<>();
        values.forEach((name, value) -> {
            if (!Objects.equals(actual.get(name), value)) {
                out.add(name);
            }
        });
        return out;
    }

    /** Lines for bash's {@code eval}: {@code export NAME='value'} or {@code unset NAME}. */
    String shellExports() {
        StringBuilder out = new StringBuilder();
        values.forEach((name, value) -> {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("not an environment variable name: " + name);
            }
            out.append(value == null ? "unset " + name
                    : "export " + name + "='" + value.replace("'", "'\\''") + "'").append('\n');
        });
        return out.toString();
    }
}
