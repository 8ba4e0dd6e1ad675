package com.axpay.local;

import com.axpay.cfn.CfnYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the local stack needs from a SAM template: the functions (handler, code, timeout, environment), their
 * {@code HttpApi} routes and {@code Schedule}/{@code ScheduleV2} events, and the DynamoDB tables. Values are resolved
 * with {@link Intrinsics}; the template is the single source of the routes, never a copy in code.
 */
public final class SamTemplate {

    static final String FUNCTION = "AWS::Serverless::Function";
    static final String TABLE = "AWS::DynamoDB::Table";
    static final String SIMPLE_TABLE = "AWS::Serverless::SimpleTable";
    static final String QUEUE = "AWS::SQS::Queue";
    /** Where {@code Ref <Queue>} (a queue URL) points locally unless the stack says otherwise. */
    static final String DEFAULT_SQS_ENDPOINT = "http://127.0.0.1:9324";

    private final Path file;
    private final Map<String, Object> resources;
    private final Map<String, Object> globalsFunction;
    private final Intrinsics intrinsics;
    private final String sqsEndpoint;

    private SamTemplate(Path file, Map<String, Object> doc, String region, String stackName, String sqsEndpoint) {
        this.file = file;
        this.sqsEndpoint = sqsEndpoint;
        this.resources = map(doc.get("Resources"));
        this.globalsFunction = map(map(doc.get("Globals")).get("Function"));
        Map<String, String> parameters = new LinkedHashMap<>();
        map(doc.get("Parameters")).forEach((name, p) -> {
            Object d = map(p).get("Default");
            parameters.put(name, d == null ? null : String.valueOf(d));
        });
        this.intrinsics = new Intrinsics(parameters, this::localRef, map(doc.get("Conditions")), region, stackName);
    }

    public static SamTemplate load(Path file, String region, String stackName) throws IOException {
        return load(file, region, stackName, DEFAULT_SQS_ENDPOINT);
    }

    /** @param sqsEndpoint the local SQS (ElasticMQ): {@code Ref <Queue>} resolves to a queue URL on it */
    public static SamTemplate load(Path file, String region, String stackName, String sqsEndpoint)
            throws IOException {
        return new SamTemplate(file.toAbsolutePath().normalize(), CfnYaml.load(file), region, stackName, sqsEndpoint);
    }

    public Path file() {
        return file;
    }

    /** An {@code HttpApi} event: method ({@code ANY} allowed) and path template, or the {@code $default} route. */
    public record HttpRoute(String functionId, String method, String path) {
        public boolean isDefault() {
            return path == null;
        }

        public String routeKey() {
            return isDefault() ? "$default" : method + " " + path;
        }
    }

    /** A {@code Schedule} or {@code ScheduleV2} event; {@code input} is the configured JSON input, if any. */
    public record Schedule(String functionId, String eventName, String type, String expression, boolean enabled,
                           String input) {
    }

    /** A function: its handler, where its code is, its timeout and its resolved environment. */
    public record FunctionDef(String logicalId, String handler, Path codeUri, int timeoutSeconds,
                              Map<String, String> environment, List<String> unresolvedVariables) {
        public String handlerClass() {
            int i = handler.indexOf("::");
            return i < 0 ? handler : handler.substring(0, i);
        }

        public String handlerMethod() {
            int i = handler.indexOf("::");
            return i < 0 ? "handleRequest" : handler.substring(i + 2);
        }
    }

    /**
     * An {@code AWS::SQS::Queue}: its local name (QueueName, else the logical id), visibility timeout and, with a
     * RedrivePolicy, the dead-letter queue's logical id and maxReceiveCount.
     */
    public record QueueDef(String logicalId, String queueName, int visibilityTimeoutSeconds, String deadLetterQueue,
                           int maxReceiveCount) {
    }

    /**
     * An {@code SQS} event: the queue's logical id, BatchSize (default 10), whether the function reports batch item
     * failures, and how many concurrent pollers (the function's reserved concurrency, else 1).
     */
    public record SqsSource(String functionId, String queueLogicalId, int batchSize, boolean reportBatchItemFailures,
                            int concurrency) {
    }

    /** A table: the resolved key-shaping {@code Properties} of an {@code AWS::DynamoDB::Table} (SimpleTable converted). */
    public record TableDef(String logicalId, String tableName, Map<String, Object> properties) {
    }

    public List<FunctionDef> functions() {
        List<FunctionDef> out = new ArrayList<>();
        forEachResource(FUNCTION, (id, props) -> out.add(function(id, props)));
        return out;
    }

    public List<HttpRoute> routes() {
        List<HttpRoute> out = new ArrayList<>();
        forEachEvent((functionId, eventName, type, props) -> {
            if (type.equals("HttpApi")) {
                Object path = props.get("Path");
                Object method = props.get("Method");
                out.add(path == null
                        ? new HttpRoute(functionId, "ANY", null)
                        : new HttpRoute(functionId, method == null ? "ANY"
                                : intrinsics.string(method).toUpperCase(Locale.ROOT), intrinsics.string(path)));
            }
        });
        return out;
    }

    public List<Schedule> schedules() {
        List<Schedule> out = new ArrayList<>();
        forEachEvent((functionId, eventName, type, props) -> {
            if (type.equals("Schedule") || type.equals("ScheduleV2")) {
                Object expression = props.get(type.equals("Schedule") ? "Schedule" : "ScheduleExpression");
                Object input = props.get("Input");
                out.add(new Schedule(functionId, eventName, type, intrinsics.string(expression), enabled(props),
                        input == null ? null : intrinsics.string(input)));
            }
        });
        return out;
    }

    public List<QueueDef> queues() {
        List<QueueDef> out = new ArrayList<>();
        forEachResource(QUEUE, (id, props) -> {
            Object visibility = props.get("VisibilityTimeout");
            Map<String, Object> redrive = map(props.get("RedrivePolicy"));
            Object receives = redrive.get("maxReceiveCount");
            out.add(new QueueDef(id, queueName(id), visibility == null ? 30
                    : Integer.parseInt(intrinsics.string(visibility)),
                    redrive.isEmpty() ? null : logicalIdOf(redrive.get("deadLetterTargetArn")),
                    receives == null ? 0 : Integer.parseInt(intrinsics.string(receives))));
        });
        return out;
    }

    public List<SqsSource> sqsSources() {
        List<SqsSource> out = new ArrayList<>();
        forEachEvent((functionId, eventName, type, props) -> {
            if (type.equals("SQS")) {
                Object batch = props.get("BatchSize");
                Object reserved = property(map(map(resources.get(functionId)).get("Properties")),
                        "ReservedConcurrentExecutions");
                Object responseTypes = props.get("FunctionResponseTypes");
                out.add(new SqsSource(functionId, logicalIdOf(props.get("Queue")),
                        batch == null ? 10 : Integer.parseInt(intrinsics.string(batch)),
                        responseTypes instanceof List<?> l && l.contains("ReportBatchItemFailures"),
                        reserved == null ? 1 : Integer.parseInt(intrinsics.string(reserved))));
            }
        });
        return out;
    }

    /** The resource a {@code !GetAtt X.Arn} or {@code !Ref X} names. */
    private static String logicalIdOf(Object reference) {
        Map<String, Object> m = map(reference);
        Object getAtt = m.get("Fn::GetAtt");
        if (getAtt instanceof List<?> l && !l.isEmpty()) {
            return String.valueOf(l.get(0));
        }
        if (getAtt instanceof String s) {
            return s.split("\\.", 2)[0];
        }
        if (m.get("Ref") != null) {
            return String.valueOf(m.get("Ref"));
        }
        throw new IllegalArgumentException("expected !GetAtt or !Ref of a resource, got " + reference);
    }

    private String queueName(String logicalId) {
        Object name = map(map(resources.get(logicalId)).get("Properties")).get("QueueName");
        return name == null ? logicalId : intrinsics.string(name);
    }

    /** Functions triggered by a DynamoDB stream (the outbox publisher), which the local stack feeds itself. */
    public List<String> streamFunctions() {
        List<String> out = new ArrayList<>();
        forEachEvent((functionId, eventName, type, props) -> {
            if (type.equals("DynamoDB") && !out.contains(functionId)) {
                out.add(functionId);
            }
        });
        return out;
    }

    public List<TableDef> tables() {
        List<TableDef> out = new ArrayList<>();
        forEachResource(TABLE, (id, props) -> out.add(new TableDef(id, localRef(id), resolvedMap(props))));
        forEachResource(SIMPLE_TABLE, (id, props) -> {
            Map<String, Object> pk = map(props.get("PrimaryKey"));
            String name = pk.isEmpty() ? "id" : intrinsics.string(pk.get("Name"));
            String type = pk.isEmpty() ? "String" : intrinsics.string(pk.get("Type"));
            String attrType = switch (type) {
                case "Number" -> "N";
                case "Binary" -> "B";
                default -> "S";
            };
            out.add(new TableDef(id, localRef(id), Map.of(
                    "AttributeDefinitions", List.of(Map.of("AttributeName", name, "AttributeType", attrType)),
                    "KeySchema", List.of(Map.of("AttributeName", name, "KeyType", "HASH")),
                    "BillingMode", "PAY_PER_REQUEST")));
        });
        return out;
    }

    private FunctionDef function(String id, Map<String, Object> props) {
        String handler = intrinsics.string(property(props, "Handler"));
        Object codeUri = property(props, "CodeUri");
        if (codeUri == null) {
            throw new IllegalArgumentException("function " + id + " has no CodeUri");
        }
        Path code = file.getParent().resolve(intrinsics.string(codeUri)).normalize();
        Object timeout = property(props, "Timeout");
        int timeoutSeconds = timeout == null ? 3 : Integer.parseInt(intrinsics.string(timeout));

        Map<String, Object> raw = new LinkedHashMap<>(map(map(globalsFunction.get("Environment")).get("Variables")));
        raw.putAll(map(map(props.get("Environment")).get("Variables")));
        Map<String, String> env = new LinkedHashMap<>();
        List<String> unresolved = new ArrayList<>();
        raw.forEach((name, value) -> {
            try {
                String v = intrinsics.string(value);
                if (v != null && !v.equals("null")) {
                    env.put(name, v);
                }
            } catch (Intrinsics.Unresolvable e) {
                unresolved.add(name);
            }
        });
        return new FunctionDef(id, handler, code, timeoutSeconds, env, unresolved);
    }

    private Object property(Map<String, Object> props, String name) {
        return props.containsKey(name) ? props.get(name) : globalsFunction.get(name);
    }

    private boolean enabled(Map<String, Object> props) {
        Object enabled = props.get("Enabled");
        if (enabled != null) {
            return Boolean.parseBoolean(intrinsics.string(enabled));
        }
        Object state = props.get("State");
        return state == null || intrinsics.string(state).equalsIgnoreCase("ENABLED");
    }

    /** The local value of {@code Ref} on a resource: a table's name, otherwise the logical id. */
    private String localRef(String logicalId) {
        Map<String, Object> resource = map(resources.get(logicalId));
        if (resource.isEmpty()) {
            return null;
        }
        Object type = resource.get("Type");
        Object tableName = map(resource.get("Properties")).get("TableName");
        if ((TABLE.equals(type) || SIMPLE_TABLE.equals(type)) && tableName != null) {
            return intrinsics.string(tableName);
        }
        if (QUEUE.equals(type)) {
            return sqsEndpoint + "/" + Intrinsics.ACCOUNT_ID + "/" + queueName(logicalId); // Ref of a queue is its URL
        }
        return logicalId;
    }

    private interface ResourceVisitor {
        void visit(String logicalId, Map<String, Object> properties);
    }

    private interface EventVisitor {
        void visit(String functionId, String eventName, String type, Map<String, Object> properties);
    }

    private void forEachResource(String type, ResourceVisitor visitor) {
        resources.forEach((id, r) -> {
            Map<String, Object> resource = map(r);
            Object condition = resource.get("Condition");
            if (type.equals(resource.get("Type"))
                    && (condition == null || intrinsics.condition(String.valueOf(condition)))) {
                visitor.visit(id, map(resource.get("Properties")));
            }
        });
    }

    private void forEachEvent(EventVisitor visitor) {
        forEachResource(FUNCTION, (id, props) -> map(props.get("Events")).forEach((name, e) -> {
            Map<String, Object> event = map(e);
            visitor.visit(id, name, String.valueOf(event.get("Type")), map(event.get("Properties")));
        }));
    }

    /** Only the keys that shape the table: encryption, streams or tags may refer to things only AWS has. */
    private Map<String, Object> resolvedMap(Map<String, Object> props) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : List.of("AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes",
                "LocalSecondaryIndexes", "BillingMode", "ProvisionedThroughput")) {
            if (props.containsKey(key)) {
                out.put(key, intrinsics.resolve(props.get(key)));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : Map.of();
    }
}
