package com.axpay.payments.template;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.axpay.cfn.CfnYaml;
import com.axpay.kit.config.LambdaSecretSource;
import com.axpay.kit.config.PaymentsConfig;
import com.axpay.kit.testing.ProjectFiles;
import com.axpay.publisher.PublisherWiring;
import com.axpay.store.dynamodb.TableDefinitions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.axpay.kit.testing.HandlerTypes.requestHandlerArguments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** template.yaml checked offline against the code it deploys (no SAM CLI or cfn-lint can run here). */
class TemplateTest {

    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs",
            "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    /** Read by the config but deliberately not set in AWS: Lambda sets the region; the rest are local-only. */
    private static final Set<String> NOT_SET_IN_AWS = Set.of("AWS_REGION", "DYNAMODB_ENDPOINT", "AXERVE_APIKEY",
            "STOREFRONT_API_KEY", PublisherWiring.EVENTS_ENDPOINT);
    private static final Map<String, String> ROUTES = Map.of(
            "POST /payments", "com.axpay.payments.handlers.StartPaymentHandler",
            "GET /payments/{paymentId}", "com.axpay.payments.handlers.GetPaymentHandler",
            "GET /axerve/return/ok", "com.axpay.payments.handlers.AxerveReturnHandler",
            "GET /axerve/return/ko", "com.axpay.payments.handlers.AxerveReturnHandler",
            "GET /axerve/s2s", "com.axpay.payments.handlers.AxerveNotificationHandler",
            "POST /payments/{paymentId}/refunds", "com.axpay.payments.handlers.RefundPaymentHandler",
            "POST /payments/{paymentId}/cancel", "com.axpay.payments.handlers.CancelPaymentHandler",
            "POST /payments/{paymentId}/capture", "com.axpay.payments.handlers.CapturePaymentHandler");

    private static Map<String, Object> template;
    private static Map<String, Object> resources;
    private static Map<String, Object> parameters;

    @BeforeAll
    static void load() throws Exception {
        template = CfnYaml.load(ProjectFiles.root().resolve("template.yaml"));
        resources = map(template.get("Resources"));
        parameters = map(template.get("Parameters"));
    }

    @Test
    void isASamTemplate() {
        assertEquals("AWS::Serverless-2016-10-31", template.get("Transform"));
    }

    @Test
    void everyHandlerExistsWithANoArgConstructorAndTheRightRequestHandlerType() throws Exception {
        Map<String, Map<String, Object>> functions = paymentsFunctions();
        assertEquals(9, functions.size(), functions.keySet().toString());
        for (Map.Entry<String, Map<String, Object>> f : functions.entrySet()) {
            Map<String, Object> props = f.getValue();
            String handler = (String) props.get("Handler");
            assertTrue(handler.endsWith("::handleRequest"), handler);
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertTrue(Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers()), handler);
            type.getConstructor(); // Lambda instantiates it with no arguments
            Set<String> eventTypes = new HashSet<>();
            map(props.get("Events")).values().forEach(e -> eventTypes.add((String) map(e).get("Type")));
            assertEquals(1, eventTypes.size(), f.getKey() + " mixes event types " + eventTypes);
            Type[] args = requestHandlerArguments(type);
            switch (eventTypes.iterator().next()) {
                case "HttpApi" -> {
                    assertEquals(APIGatewayV2HTTPEvent.class, args[0], handler);
                    assertEquals(APIGatewayV2HTTPResponse.class, args[1], handler);
                }
                case "Schedule" -> assertEquals(ScheduledEvent.class, args[0], handler);
                case "DynamoDB" -> assertEquals(DynamodbEvent.class, args[0], handler);
                default -> fail(f.getKey() + ": unexpected event type " + eventTypes);
            }
        }
    }

    @Test
    void everyRouteMapsToItsHandlerOnTheTemplatesApi() {
        Map<String, String> routes = new HashMap<>();
        for (Map<String, Object> props : paymentsFunctions().values()) {
            String handler = ((String) props.get("Handler")).split("::")[0];
            for (Object e : map(props.get("Events")).values()) {
                Map<String, Object> event = map(e);
                if ("HttpApi".equals(event.get("Type"))) {
                    Map<String, Object> p = map(event.get("Properties"));
                    String apiId = (String) map(p.get("ApiId")).get("Ref");
                    assertEquals("AWS::Serverless::HttpApi", map(resources.get(apiId)).get("Type"));
                    assertFalse(routes.containsKey(p.get("Method") + " " + p.get("Path")), "route declared twice");
                    routes.put(p.get("Method") + " " + p.get("Path"), handler);
                }
            }
        }
        assertEquals(ROUTES, routes);
    }

    @Test
    void everyReferenceResolves() {
        Set<String> names = new HashSet<>(resources.keySet());
        names.addAll(parameters.keySet());
        names.addAll(PSEUDO_PARAMETERS);
        Set<String> conditions = map(template.getOrDefault("Conditions", Map.of())).keySet();
        List<String> unresolved = new ArrayList<>();
        walk(template, names, conditions, unresolved);
        assertEquals(List.of(), unresolved);
    }

    @Test
    void theTableIsExactlyWhatTheStoreCreates() {
        CreateTableRequest expected = TableDefinitions.paymentsTable("any");
        List<Map<String, Object>> tables = resources.values().stream().map(TemplateTest::map)
                .filter(r -> "AWS::DynamoDB::Table".equals(r.get("Type"))).toList();
        assertEquals(1, tables.size());
        Map<String, Object> t = map(tables.get(0).get("Properties"));

        assertEquals(expected.billingModeAsString(), t.get("BillingMode"));
        assertEquals(toMap(expected.attributeDefinitions().stream()
                        .map(a -> List.of(a.attributeName(), a.attributeTypeAsString())).toList()),
                toMap(list(t.get("AttributeDefinitions")).stream()
                        .map(a -> List.of((String) map(a).get("AttributeName"), (String) map(a).get("AttributeType")))
                        .toList()));
        assertEquals((expected.keySchema().stream().map(k -> List.of(k.attributeName(), k.keyTypeAsString()))
                .toList()), (keySchema(t.get("KeySchema"))));
        List<Object> gsis = list(t.get("GlobalSecondaryIndexes"));
        assertEquals(expected.globalSecondaryIndexes().size(), gsis.size());
        for (var gsi : expected.globalSecondaryIndexes()) {
            Map<String, Object> declared = gsis.stream().map(TemplateTest::map)
                    .filter(g -> gsi.indexName().equals(g.get("IndexName"))).findFirst()
                    .orElseThrow(() -> new AssertionError("index " + gsi.indexName() + " missing"));
            assertEquals((gsi.keySchema().stream().map(k -> List.of(k.attributeName(), k.keyTypeAsString()))
                    .toList()), (keySchema(declared.get("KeySchema"))));
            assertEquals(gsi.projection().projectionTypeAsString(),
                    map(declared.get("Projection")).get("ProjectionType"));
        }
    }

    @Test
    void everyVariableTheConfigReadsIsSetAndNoSecretIsInPlainText() {
        Map<String, Object> globals = map(map(map(template.get("Globals")).get("Function")).get("Environment"));
        Set<String> set = new HashSet<>(map(globals.get("Variables")).keySet());
        for (Map<String, Object> f : functions().values()) {
            Object env = f.get("Environment");
            if (env != null) {
                set.addAll(map(map(env).get("Variables")).keySet());
            }
        }
        List<String> read = new ArrayList<>(PaymentsConfig.VARIABLES);
        read.addAll(PublisherWiring.VARIABLES);
        for (String variable : read) {
            if (NOT_SET_IN_AWS.contains(variable)) {
                assertFalse(set.contains(variable), variable + " must not be set in AWS");
            } else {
                assertTrue(set.contains(variable), variable + " is read by the config but not set in template.yaml");
            }
        }
    }

    /**
     * The extension's layer is optional (SnapStart functions never use it): attached only when the deployer gives
     * one, and the functions are told by the same condition whether to read through it, in the value the code reads.
     */
    @Test
    void theSecretsExtensionLayerIsOptionalAndTheFunctionsKnowWhetherTheyHaveIt() {
        Map<String, Object> parameter = map(map(template.get("Parameters")).get("ParametersSecretsExtensionLayerArn"));
        assertEquals("", parameter.get("Default"));
        Object condition = map(template.get("Conditions")).get("HasSecretsExtensionLayer");
        assertEquals(Map.of("Fn::Not", List.of(Map.of("Fn::Equals",
                List.of(Map.of("Ref", "ParametersSecretsExtensionLayerArn"), "")))), condition);
        Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));
        assertEquals(List.of(Map.of("Fn::If", List.of("HasSecretsExtensionLayer",
                Map.of("Ref", "ParametersSecretsExtensionLayerArn"), Map.of("Ref", "AWS::NoValue")))),
                globals.get("Layers"));
        Object flag = map(map(globals.get("Environment")).get("Variables")).get(LambdaSecretSource.ENV_EXTENSION);
        assertEquals(Map.of("Fn::If", List.of("HasSecretsExtensionLayer", "layer", "none")), flag);
        assertFalse(LambdaSecretSource.fromEnvironment(Map.of("AWS_SESSION_TOKEN", "t",
                LambdaSecretSource.ENV_EXTENSION, "none")).usesExtension());
        resources.forEach((id, r) -> {
            if ("AWS::Serverless::Function".equals(map(r).get("Type"))) {
                assertFalse(map(map(r).get("Properties")).containsKey("Layers"),
                        id + " has Layers of its own: SAM would add them to the optional one");
            }
        });
    }

    /** The secrets each function's code reads: S = storefront key, A = Axerve apikey. */
    private static final Map<String, String> SECRETS_USED = Map.ofEntries(
            Map.entry("StartPaymentFunction", "SA"), Map.entry("GetPaymentFunction", "S"),
            Map.entry("AxerveReturnFunction", "A"), Map.entry("AxerveNotificationFunction", "A"),
            Map.entry("ReconcilerFunction", "A"), Map.entry("RefundPaymentFunction", "SA"),
            Map.entry("CancelPaymentFunction", "SA"), Map.entry("CapturePaymentFunction", "SA"),
            Map.entry("OutboxPublisherFunction", ""), Map.entry("GetAgreementFunction", "S"),
            Map.entry("ChargeAgreementFunction", "SA"), Map.entry("CancelAgreementFunction", "SA"),
            Map.entry("ResumeAgreementFunction", "S"), Map.entry("WidgetPaymentFunction", "SA"),
            Map.entry("RecurringScheduleFunction", ""), Map.entry("ChargeWorkerFunction", "A"));

    @Test
    void eachFunctionIsGivenAndMayReadOnlyTheSecretsItUses() throws Exception {
        assertEquals(SECRETS_USED.keySet(), functions().keySet());
        Map<String, Object> globalVariables = map(map(map(map(template.get("Globals")).get("Function"))
                .get("Environment")).get("Variables"));
        assertFalse(globalVariables.containsKey(PaymentsConfig.AXERVE_APIKEY_SECRET_ARN));
        assertFalse(globalVariables.containsKey(PaymentsConfig.STOREFRONT_API_KEY_SECRET_ARN));
        for (Map.Entry<String, Map<String, Object>> f : functions().entrySet()) {
            String used = SECRETS_USED.get(f.getKey());
            Object env = f.getValue().get("Environment");
            Map<String, Object> variables = env == null ? Map.of() : map(map(env).get("Variables"));
            Set<String> readable = new HashSet<>();
            for (Object policy : list(f.getValue().getOrDefault("Policies", List.of()))) {
                collectSecretPolicies(policy, readable);
            }
            assertEquals(used.contains("S"), variables.containsKey(PaymentsConfig.STOREFRONT_API_KEY_SECRET_ARN),
                    f.getKey());
            assertEquals(used.contains("A"), variables.containsKey(PaymentsConfig.AXERVE_APIKEY_SECRET_ARN),
                    f.getKey());
            Set<String> expected = new HashSet<>();
            if (used.contains("S")) {
                expected.add("StorefrontApiKeySecretArn");
            }
            if (used.contains("A")) {
                expected.add("AxerveApiKeySecretArn");
            }
            assertEquals(expected, readable, f.getKey() + "'s role");
        }
        // the storefront routes of this module are exactly its functions given the storefront key
        for (Map.Entry<String, Map<String, Object>> f : paymentsFunctions().entrySet()) {
            String handler = (String) f.getValue().get("Handler");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertEquals(com.axpay.kit.handler.StorefrontHandler.class.isAssignableFrom(type),
                    SECRETS_USED.get(f.getKey()).contains("S"), f.getKey());
        }
    }

    /** The parameter behind each AWSSecretsManagerGetSecretValuePolicy, through Fn::If branches. */
    private static void collectSecretPolicies(Object node, Set<String> parameters) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if ("AWSSecretsManagerGetSecretValuePolicy".equals(e.getKey())) {
                    parameters.add((String) map(map(e.getValue()).get("SecretArn")).get("Ref"));
                } else {
                    collectSecretPolicies(e.getValue(), parameters);
                }
            }
        } else if (node instanceof List<?> l) {
            l.forEach(x -> collectSecretPolicies(x, parameters));
        }
    }

    @Test
    void withTheStaticEgressIpEveryFunctionWaitsForTheRoutesAndTheDynamoDbEndpoint() {
        Map<String, Object> ready = map(resources.get("EgressReady"));
        assertEquals("AWS::CloudFormation::WaitConditionHandle", ready.get("Type"));
        assertFalse(ready.containsKey("Condition"), "the handle must exist whether the option is on or off");
        Set<String> awaited = new HashSet<>();
        for (Object v : map(ready.get("Metadata")).values()) {
            List<Object> branches = list(map(v).get("Fn::If"));
            assertEquals("StaticEgressIp", branches.get(0));
            awaited.add((String) map(branches.get(1)).get("Ref"));
        }
        assertEquals(Set.of("PrivateDefaultRoute", "PrivateSubnetARoutes", "PrivateSubnetBRoutes",
                "PublicDefaultRoute", "PublicSubnetRoutes", "DynamoDbGatewayEndpoint"), awaited);
        for (String id : awaited) {
            assertEquals("StaticEgressIp", map(resources.get(id)).get("Condition"), id);
        }
        resources.forEach((id, r) -> {
            if ("AWS::Serverless::Function".equals(map(r).get("Type"))) {
                assertEquals("EgressReady", map(r).get("DependsOn"), id);
            }
        });
    }

    @Test
    void apiFunctionsFitTheApiBudgetAndRunFromTheShadedJarWithSnapStart() {
        for (Map.Entry<String, Map<String, Object>> f : paymentsFunctions().entrySet()) {
            Map<String, Object> p = f.getValue();
            assertEquals("java25", p.get("Runtime"));
            assertTrue(JARS.contains(p.get("CodeUri")), f.getKey() + " runs from " + p.get("CodeUri"));
            assertEquals("PublishedVersions", map(p.get("SnapStart")).get("ApplyOn"));
            assertNotNull(p.get("AutoPublishAlias"));
            if (isHttp(p)) {
                assertEquals(1024, p.get("MemorySize"), f.getKey());
                assertTrue((Integer) p.get("Timeout") <= 29, f.getKey());
            }
        }
    }

    @Test
    void everyFunctionHasALogGroupWithRetention() {
        Set<String> covered = new HashSet<>();
        for (Object r : resources.values()) {
            Map<String, Object> res = map(r);
            if ("AWS::Logs::LogGroup".equals(res.get("Type"))) {
                Map<String, Object> p = map(res.get("Properties"));
                assertNotNull(p.get("RetentionInDays"));
                Matcher m = Pattern.compile("^/aws/lambda/\\$\\{(\\w+)}$").matcher((String) map(p.get("LogGroupName"))
                        .get("Fn::Sub"));
                assertTrue(m.matches());
                covered.add(m.group(1));
            }
        }
        assertEquals(functions().keySet(), covered);
    }

    @Test
    void theAsynchronousReconcilerHasBoundedRetriesAndADeadLetterQueue() {
        Map<String, Object> reconciler = functions().get("ReconcilerFunction");
        Map<String, Object> invoke = map(reconciler.get("EventInvokeConfig"));
        assertTrue((Integer) invoke.get("MaximumRetryAttempts") <= 2);
        Map<String, Object> onFailure = map(map(invoke.get("DestinationConfig")).get("OnFailure"));
        assertEquals("SQS", onFailure.get("Type"));
        String queue = (String) list(map(onFailure.get("Destination")).get("Fn::GetAtt")).get(0);
        assertEquals("AWS::SQS::Queue", map(resources.get(queue)).get("Type"));
        Map<String, Object> tick = map(map(reconciler.get("Events")).get("Tick"));
        assertEquals(Map.of("Ref", "ReconcileSchedule"), map(tick.get("Properties")).get("Schedule"));
    }

    @Test
    void theOutputsGiveTheThreeAxerveUrlsOnTheDeclaredRoutes() {
        Map<String, Object> outputs = map(template.get("Outputs"));
        assertTrue(sub(outputs, "AxervePositiveUrl").endsWith("/axerve/return/ok"));
        assertTrue(sub(outputs, "AxerveNegativeUrl").endsWith("/axerve/return/ko"));
        assertTrue(sub(outputs, "AxerveS2sUrl").endsWith("/axerve/s2s"));
        assertTrue(sub(outputs, "ApiUrl").startsWith("https://${PaymentsApi}.execute-api."));
    }

    // ---- helpers

    private static String sub(Map<String, Object> outputs, String name) {
        return (String) map(map(outputs.get(name)).get("Value")).get("Fn::Sub");
    }

    private static boolean isHttp(Map<String, Object> function) {
        return map(function.get("Events")).values().stream().anyMatch(e -> "HttpApi".equals(map(e).get("Type")));
    }

    /** Function properties with Globals.Function applied, by logical id. */
    /** The shaded jars of the payment functions and of the outbox publisher (each function module has its own). */
    private static final Set<String> JARS = Set.of("functions/payments/target/payments.jar",
            "functions/publisher/target/publisher.jar");

    /**
     * The functions deployed from the payments and publisher jars; the recurring functions (functions/recurring/target/recurring.jar)
     * are checked by that module's RecurringTemplateTest, where their handlers are on the class path.
     */
    private static Map<String, Map<String, Object>> paymentsFunctions() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        functions().forEach((id, p) -> {
            if (JARS.contains(p.get("CodeUri"))) {
                out.put(id, p);
            }
        });
        return out;
    }

    private static Map<String, Map<String, Object>> functions() {
        Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        resources.forEach((id, r) -> {
            Map<String, Object> res = map(r);
            if ("AWS::Serverless::Function".equals(res.get("Type"))) {
                Map<String, Object> merged = new LinkedHashMap<>(globals);
                merged.putAll(map(res.get("Properties")));
                out.put(id, merged);
            }
        });
        return out;
    }

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(?!!)([^}]+)}");

    private static void walk(Object node, Set<String> names, Set<String> conditions, List<String> unresolved) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object v = e.getValue();
                switch (String.valueOf(e.getKey())) {
                    case "Ref" -> {
                        if (v instanceof String s && !names.contains(s)) {
                            unresolved.add("Ref " + s);
                        }
                    }
                    case "Fn::GetAtt" -> {
                        String target = (String) list(v).get(0);
                        if (!resources.containsKey(target)) {
                            unresolved.add("GetAtt " + target);
                        }
                    }
                    case "Fn::Sub" -> {
                        String text = v instanceof String s ? s : (String) list(v).get(0);
                        Matcher matcher = SUB_VARIABLE.matcher(text);
                        while (matcher.find()) {
                            String name = matcher.group(1);
                            String base = name.startsWith("AWS::") ? name : name.split("\\.")[0];
                            if (!names.contains(base)) {
                                unresolved.add("Sub ${" + name + "}");
                            }
                        }
                    }
                    case "Fn::If" -> {
                        if (!conditions.contains((String) list(v).get(0))) {
                            unresolved.add("If " + list(v).get(0));
                        }
                    }
                    default -> {
                    }
                }
                walk(v, names, conditions, unresolved);
            }
        } else if (node instanceof List<?> l) {
            for (Object o : l) {
                walk(o, names, conditions, unresolved);
            }
        }
    }

    private static Map<String, String> toMap(List<List<String>> pairs) {
        Map<String, String> m = new HashMap<>();
        pairs.forEach(p -> m.put(p.get(0), p.get(1)));
        return m;
    }

    private static List<List<String>> keySchema(Object declared) {
        return list(declared).stream()
                .map(k -> List.of((String) map(k).get("AttributeName"), (String) map(k).get("KeyType"))).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        assertTrue(o instanceof Map, "expected a mapping, got " + o);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        assertTrue(o instanceof List, "expected a list, got " + o);
        return (List<Object>) o;
    }
}
