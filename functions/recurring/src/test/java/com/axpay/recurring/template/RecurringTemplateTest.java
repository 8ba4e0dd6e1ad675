package com.axpay.recurring.template;

import com.axpay.cfn.CfnYaml;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.axpay.recurring.RecurringWiring;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.axpay.kit.testing.HandlerTypes.requestHandlerArguments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The recurring functions in template.yaml, checked offline against the code they deploy: handlers and event types,
 * routes, the schedule feeding the charge queue, the worker's batch failures, reserved concurrency, dead letters and
 * alarms, and least-privilege policies.
 */
class RecurringTemplateTest {

    static final String CODE_URI = "functions/recurring/target/recurring.jar";
    static final Map<String, String> ROUTES = Map.of(
            "GET /agreements/{agreementId}", "com.axpay.recurring.handlers.GetAgreementHandler",
            "POST /agreements/{agreementId}/charges", "com.axpay.recurring.handlers.ChargeAgreementHandler",
            "POST /agreements/{agreementId}/cancel", "com.axpay.recurring.handlers.CancelAgreementHandler",
            "POST /agreements/{agreementId}/resume", "com.axpay.recurring.handlers.ResumeAgreementHandler",
            "POST /payments/widget", "com.axpay.recurring.handlers.WidgetPaymentHandler");

    static Map<String, Object> resources;
    static Map<String, Object> parameters;

    @BeforeAll
    static void load() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        assertNotNull(dir, "template.yaml not found above the module");
        Map<String, Object> template = CfnYaml.load(dir.resolve("template.yaml"));
        resources = map(template.get("Resources"));
        parameters = map(template.get("Parameters"));
    }

    /** The functions deployed from the recurring jar, by logical id. */
    static Map<String, Map<String, Object>> functions() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        resources.forEach((id, r) -> {
            Map<String, Object> res = map(r);
            Map<String, Object> p = map(res.get("Properties"));
            if ("AWS::Serverless::Function".equals(res.get("Type")) && CODE_URI.equals(p.get("CodeUri"))) {
                out.put(id, p);
            }
        });
        return out;
    }

    @Test
    void everyHandlerExistsWithTheRequestHandlerTypesOfItsEvents() throws Exception {
        Map<String, Map<String, Object>> functions = functions();
        assertEquals(7, functions.size(), functions.keySet().toString());
        for (Map.Entry<String, Map<String, Object>> f : functions.entrySet()) {
            String handler = (String) f.getValue().get("Handler");
            assertTrue(handler.endsWith("::handleRequest"), handler);
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertTrue(Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers()), handler);
            type.getConstructor(); // Lambda instantiates it with no arguments
            Set<String> eventTypes = new HashSet<>();
            map(f.getValue().get("Events")).values().forEach(e -> eventTypes.add((String) map(e).get("Type")));
            assertEquals(1, eventTypes.size(), f.getKey() + " mixes event types " + eventTypes);
            Type[] args = requestHandlerArguments(type);
            switch (eventTypes.iterator().next()) {
                case "HttpApi" -> assertEquals(List.of(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class),
                        List.of(args), handler);
                case "Schedule" -> assertEquals(ScheduledEvent.class, args[0], handler);
                case "SQS" -> assertEquals(List.of(SQSEvent.class, SQSBatchResponse.class), List.of(args), handler);
                default -> fail(f.getKey() + ": unexpected event type " + eventTypes);
            }
        }
    }

    @Test
    void everyRouteMapsToItsHandlerOnTheTemplatesApi() {
        Map<String, String> routes = new HashMap<>();
        for (Map<String, Object> props : functions().values()) {
            for (Object e : map(props.get("Events")).values()) {
                Map<String, Object> event = map(e);
                if ("HttpApi".equals(event.get("Type"))) {
                    Map<String, Object> p = map(event.get("Properties"));
                    assertEquals("AWS::Serverless::HttpApi", type((String) map(p.get("ApiId")).get("Ref")));
                    routes.put(p.get("Method") + " " + p.get("Path"), ((String) props.get("Handler")).split("::")[0]);
                }
            }
        }
        assertEquals(ROUTES, routes);
    }

    @Test
    void theScheduleFeedsTheChargeQueueWithBoundedRetriesAndADeadLetterQueue() {
        Map<String, Object> schedule = functionWithEvent("Schedule");
        assertEquals(Map.of("Ref", "ChargeQueue"), variables(schedule).get(RecurringWiring.ENV_QUEUE_URL));
        assertEquals("AWS::SQS::Queue", type("ChargeQueue"));
        Map<String, Object> invoke = map(schedule.get("EventInvokeConfig"));
        assertTrue((Integer) invoke.get("MaximumRetryAttempts") <= 2);
        Map<String, Object> onFailure = map(map(invoke.get("DestinationConfig")).get("OnFailure"));
        assertEquals("AWS::SQS::Queue", type(getAttResource(onFailure.get("Destination"))));
        // the only function that may send to the charge queue, and the only one told where it is
        for (Map.Entry<String, Map<String, Object>> f : functions().entrySet()) {
            boolean sends = policies(f.getValue()).stream().anyMatch(p -> p.containsKey("SQSSendMessagePolicy"));
            boolean isSchedule = f.getValue() == schedule;
            assertEquals(isSchedule, sends, f.getKey());
            assertEquals(isSchedule, variables(f.getValue()).containsKey(RecurringWiring.ENV_QUEUE_URL), f.getKey());
        }
    }

    @Test
    void theWorkerReportsBatchItemFailuresAtACappedRateWithADeadLetterQueueAndAlarm() {
        Map<String, Object> worker = functionWithEvent("SQS");
        Map<String, Object> sqs = map(map(map(worker.get("Events")).values().iterator().next()).get("Properties"));
        assertEquals("ChargeQueue", getAttResource(sqs.get("Queue")));
        assertEquals(List.of("ReportBatchItemFailures"), sqs.get("FunctionResponseTypes"));
        assertTrue((Integer) sqs.get("BatchSize") <= 10);
        // reserved concurrency caps the charge rate toward Axerve: a parameter, bounded
        Map<String, Object> reserved = map(parameters.get((String) map(worker.get("ReservedConcurrentExecutions"))
                .get("Ref")));
        assertTrue((Integer) reserved.get("MinValue") >= 1 && (Integer) reserved.get("MaxValue") <= 50);
        assertTrue((Integer) reserved.get("Default") <= (Integer) reserved.get("MaxValue"));

        // the event source never runs more pollers than the reserved concurrency (throttled batches would count
        // towards maxReceiveCount), and SQS accepts a maximum concurrency of 2 or more
        Map<String, Object> scaling = map(sqs.get("ScalingConfig"));
        assertEquals(worker.get("ReservedConcurrentExecutions"), scaling.get("MaximumConcurrency"));
        assertTrue((Integer) reserved.get("MinValue") >= 2);
        // a full batch fits in the timeout: per charge at most two Axerve calls of at most 20 s each (the
        // configuration's cap on connect + read) and about a second of DynamoDB, plus 15 s for a cold start
        int perChargeWorstSeconds = 2 * 20 + 1;
        assertTrue((Integer) sqs.get("BatchSize") * perChargeWorstSeconds + 15 <= (Integer) worker.get("Timeout"),
                "a full batch can outlast the worker's timeout");

        Map<String, Object> queue = map(map(resources.get("ChargeQueue")).get("Properties"));
        // AWS: the visibility timeout at least 6 times the function timeout, so a batch is not redelivered mid-run
        assertTrue((Integer) queue.get("VisibilityTimeout") >= 6 * (Integer) worker.get("Timeout"));
        Map<String, Object> redrive = map(queue.get("RedrivePolicy"));
        String dlq = getAttResource(redrive.get("deadLetterTargetArn"));
        assertEquals("AWS::SQS::Queue", type(dlq));
        int maxReceive = (Integer) redrive.get("maxReceiveCount");
        assertTrue(maxReceive >= 3 && maxReceive <= 10, "poison messages leave after a few tries");
        assertTrue(resources.values().stream().map(r -> map(map(r).get("Properties")))
                .filter(p -> "AWS/SQS".equals(p.get("Namespace")))
                .anyMatch(p -> dlq.equals(getAttResource(map(list(p.get("Dimensions")).get(0)).get("Value")))),
                "an alarm on the charge dead-letter queue's depth");
    }

    @Test
    void functionsThatSettleChargesGetTheDunningSchedule() {
        for (String id : List.of("ChargeWorkerFunction", "ChargeAgreementFunction", "CancelAgreementFunction")) {
            assertEquals(Map.of("Ref", "DunningRetryDelays"), variables(functions().get(id))
                    .get(RecurringWiring.ENV_DUNNING), id);
        }
        assertEquals("P3D,P3D,P3D", map(parameters.get("DunningRetryDelays")).get("Default"));
    }

    @Test
    void policiesAreLeastPrivilege() {
        for (Map.Entry<String, Map<String, Object>> f : functions().entrySet()) {
            for (Map<String, Object> policy : policies(f.getValue())) {
                for (Object st : list(map(policy).getOrDefault("Statement", List.of()))) {
                    Object action = map(st).get("Action");
                    List<Object> actions = action instanceof List<?> l ? new ArrayList<>(l) : List.of(action);
                    for (Object a : actions) {
                        assertFalse(((String) a).endsWith("*"), f.getKey() + " has a wildcard action " + a);
                        assertFalse(a.equals("dynamodb:Scan"), f.getKey() + " scans: the due index is queried");
                    }
                    if (actions.contains("dynamodb:Query")) {
                        assertEquals(Map.of("Fn::Sub", "${PaymentsTable.Arn}/index/byDue"), map(st).get("Resource"),
                                f.getKey());
                    }
                }
            }
        }
    }

    @Test
    void everyRecurringFunctionHasALogGroupAndAnErrorsAlarm() {
        Set<String> logged = new HashSet<>();
        Set<String> alarmed = new HashSet<>();
        for (Object r : resources.values()) {
            Map<String, Object> res = map(r);
            Map<String, Object> p = map(res.get("Properties"));
            if ("AWS::Logs::LogGroup".equals(res.get("Type"))) {
                logged.add(((String) map(p.get("LogGroupName")).get("Fn::Sub")).replaceAll("^/aws/lambda/\\$\\{(\\w+)}$",
                        "$1"));
            }
            if ("AWS::CloudWatch::Alarm".equals(res.get("Type")) && "Errors".equals(p.get("MetricName"))) {
                list(p.get("Dimensions")).forEach(d -> alarmed.add((String) map(map(d).get("Value")).get("Ref")));
            }
        }
        for (String id : functions().keySet()) {
            assertTrue(logged.contains(id), id + " has no log group");
            assertTrue(alarmed.contains(id), id + " has no errors alarm");
        }
    }

    private static Map<String, Object> functionWithEvent(String eventType) {
        List<Map<String, Object>> found = functions().values().stream().filter(p -> map(p.get("Events")).values()
                .stream().anyMatch(e -> eventType.equals(map(e).get("Type")))).toList();
        assertEquals(1, found.size(), "one function with a " + eventType + " event");
        return found.get(0);
    }

    private static Map<String, Object> variables(Map<String, Object> function) {
        return map(map(function.getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of()));
    }

    private static List<Map<String, Object>> policies(Map<String, Object> function) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object p : list(function.getOrDefault("Policies", List.of()))) {
            if (p instanceof Map<?, ?>) {
                out.add(map(p));
            }
        }
        return out;
    }

    private static String getAttResource(Object getAtt) {
        return (String) list(map(getAtt).get("Fn::GetAtt")).get(0);
    }

    private static String type(String logicalId) {
        return (String) map(resources.get(logicalId)).get("Type");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
