package com.axpay.payments.template;

import com.axpay.cfn.CfnYaml;
import com.axpay.kit.testing.ProjectFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.axpay.payments.template.TemplateTest.list;
import static com.axpay.payments.template.TemplateTest.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The template's event bus and outbox trigger, alarms and the optional fixed egress IP. */
class OperationsTemplateTest {

    private static Map<String, Object> template;
    private static Map<String, Object> resources;

    @BeforeAll
    static void load() throws Exception {
        template = CfnYaml.load(ProjectFiles.root().resolve("template.yaml"));
        resources = map(template.get("Resources"));
    }

    @Test
    void theOutboxTriggerSeesOnlyInsertedOutboxKeysAndEndsInADeadLetterQueue() {
        Map<String, Object> table = properties("PaymentsTable");
        assertEquals("KEYS_ONLY", map(table.get("StreamSpecification")).get("StreamViewType"),
                "no payment data in the stream");
        Map<String, Object> publisher = properties("OutboxPublisherFunction");
        assertEquals("com.axpay.publisher.OutboxPublisherHandler::handleRequest", publisher.get("Handler"));
        Map<String, Object> source = map(map(map(publisher.get("Events")).get("Outbox")).get("Properties"));
        assertEquals(List.of("PaymentsTable", "StreamArn"), list(map(source.get("Stream")).get("Fn::GetAtt")));
        assertEquals(List.of("ReportBatchItemFailures"), source.get("FunctionResponseTypes"));
        String pattern = (String) map(list(map(source.get("FilterCriteria")).get("Filters")).get(0)).get("Pattern");
        assertTrue(pattern.contains("\"INSERT\"") && pattern.contains("{\"prefix\": \"OUTBOX#\"}"), pattern);
        assertTrue((Integer) source.get("MaximumRetryAttempts") <= 10);
        String dlq = (String) list(map(map(map(source.get("DestinationConfig")).get("OnFailure"))
                .get("Destination")).get("Fn::GetAtt")).get(0);
        assertEquals("AWS::SQS::Queue", type(dlq));
        assertEquals("AWS::Events::EventBus", type("PaymentEventsBus"));
        assertTrue(publisher.get("Policies").toString().contains("events:PutEvents"));
        Map<String, Object> env = map(map(map(map(template.get("Globals")).get("Function")).get("Environment"))
                .get("Variables"));
        assertEquals(Map.of("Ref", "PaymentEventsBus"), env.get("EVENT_BUS_NAME"));
    }

    @Test
    void everyFunctionAndEveryDeadLetterQueueHasAnAlarm() {
        Set<String> functionsAlarmed = new HashSet<>();
        Set<String> queuesAlarmed = new HashSet<>();
        Set<String> customMetrics = new HashSet<>();
        for (Object r : resources.values()) {
            Map<String, Object> res = map(r);
            if (!"AWS::CloudWatch::Alarm".equals(res.get("Type"))) {
                continue;
            }
            Map<String, Object> p = map(res.get("Properties"));
            if ("AWS/Lambda".equals(p.get("Namespace")) && "Errors".equals(p.get("MetricName"))) {
                functionsAlarmed.add((String) map(map(list(p.get("Dimensions")).get(0)).get("Value")).get("Ref"));
            } else if ("AWS/SQS".equals(p.get("Namespace"))) {
                queuesAlarmed.add((String) list(map(map(list(p.get("Dimensions")).get(0)).get("Value"))
                        .get("Fn::GetAtt")).get(0));
            } else {
                customMetrics.add(String.valueOf(p.get("MetricName") != null ? p.get("MetricName") : p.get("Metrics")));
            }
        }
        Set<String> functions = new HashSet<>();
        Set<String> queues = new HashSet<>();
        resources.forEach((id, r) -> {
            if ("AWS::Serverless::Function".equals(map(r).get("Type"))) {
                functions.add(id);
            } else if ("AWS::SQS::Queue".equals(map(r).get("Type")) && id.endsWith("DeadLetterQueue")) {
                queues.add(id);
            }
        });
        assertEquals(functions, functionsAlarmed);
        assertEquals(queues, queuesAlarmed);
        assertTrue(customMetrics.contains("StuckPayments"), customMetrics.toString());
        assertTrue(customMetrics.stream().anyMatch(m -> m.contains("AxerveFailures") && m.contains("AxerveCalls")),
                "Axerve error rate from the EMF metrics");
    }

    @Test
    void theFixedEgressIpIsOptionalAndComplete() {
        Map<String, Object> parameter = map(map(template.get("Parameters")).get("EnableStaticEgressIp"));
        assertEquals("false", String.valueOf(parameter.get("Default")));
        assertEquals(Map.of("Fn::Equals", List.of(Map.of("Ref", "EnableStaticEgressIp"), "true")),
                map(template.get("Conditions")).get("StaticEgressIp"));
        for (String needed : List.of("AWS::EC2::VPC", "AWS::EC2::NatGateway", "AWS::EC2::EIP",
                "AWS::EC2::InternetGateway", "AWS::EC2::RouteTable")) {
            assertTrue(resources.values().stream().anyMatch(r -> needed.equals(map(r).get("Type"))), needed);
        }
        long privateSubnets = resources.keySet().stream().filter(id -> id.startsWith("PrivateSubnet")
                && "AWS::EC2::Subnet".equals(type(id))).count();
        assertEquals(2, privateSubnets);
        resources.forEach((id, r) -> {
            String t = (String) map(r).get("Type");
            if (t.startsWith("AWS::EC2::")) {
                assertEquals("StaticEgressIp", map(r).get("Condition"), id + " exists only when enabled");
            }
        });
        Map<String, Object> nat = properties("EgressNatGateway");
        assertEquals(List.of("EgressElasticIp", "AllocationId"), list(map(nat.get("AllocationId")).get("Fn::GetAtt")));
        Object vpcConfig = map(map(template.get("Globals")).get("Function")).get("VpcConfig");
        List<Object> ifArgs = list(map(vpcConfig).get("Fn::If"));
        assertEquals("StaticEgressIp", ifArgs.get(0));
        assertEquals(Map.of("Ref", "AWS::NoValue"), ifArgs.get(2), "no VPC unless enabled");
        Map<String, Object> output = map(map(template.get("Outputs")).get("StaticEgressIp"));
        assertEquals("StaticEgressIp", output.get("Condition"));
        assertEquals(Map.of("Ref", "EgressElasticIp"), output.get("Value"));
    }

    private static Map<String, Object> properties(String id) {
        return map(map(resources.get(id)).get("Properties"));
    }

    private static String type(String id) {
        return (String) map(resources.get(id)).get("Type");
    }
}
