package com.axpay.recurring;

import com.axpay.kit.log.JsonLog;

import com.axpay.kit.priming.HandlerPriming;


import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.axpay.core.agreement.Agreement;
import com.axpay.kit.config.PaymentsConfig;
import com.axpay.kit.testing.ApiEvents;
import com.axpay.kit.testing.DynamoDbLocal;
import com.axpay.kit.testing.SimAdmin;
import com.axpay.recurring.handlers.ChargeWorkerHandler;
import com.axpay.recurring.handlers.ScheduleHandler;
import com.axpay.recurring.queue.SqsChargeQueue;
import com.axpay.simulator.AxerveSimulator;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue path on a real SQS-compatible server (ElasticMQ on 127.0.0.1): the schedule handler enqueues, the worker
 * handler gets Lambda's SQSEvent batches and reports partial failures, a message whose charge is still unknown comes
 * back and is resolved, and a poison message ends in the dead-letter queue after maxReceiveCount receives.
 */
class ChargeQueueSqsTest {

    static RecurringHarness h;
    static SQSRestServer server;
    static SqsClient sqs;
    static String queueUrl;
    static String dlqUrl;
    static RecurringWiring wiring;
    static int port;

    @BeforeAll
    static void start() {
        h = new RecurringHarness();
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        port = server.waitUntilStarted().localAddress().getPort();
        sqs = SqsChargeQueue.client("http://127.0.0.1:" + port, "eu-south-1");
        dlqUrl = sqs.createQueue(q -> q.queueName("charges-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(q -> q.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        queueUrl = sqs.createQueue(q -> q.queueName("charges").attributesWithStrings(Map.of(
                "VisibilityTimeout", "1",
                "RedrivePolicy", "{\"maxReceiveCount\":\"2\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}"))).queueUrl();
        PaymentsConfig config = PaymentsConfig.fromEnvironment(Map.of(
                "AXERVE_ENV", h.sim.baseUrl(), "AXERVE_SHOP_LOGIN", AxerveSimulator.DEFAULT_SHOP_LOGIN,
                "STOREFRONT_API_KEY", ApiEvents.STOREFRONT_KEY,
                "RETURN_URL_ALLOWLIST", "https://shop.example.test/done",
                "DEFAULT_RETURN_URL", "https://shop.example.test/done",
                "PAYMENTS_TABLE", h.table, "DYNAMODB_ENDPOINT", DynamoDbLocal.endpoint().toString(),
                "AWS_REGION", "eu-south-1"), name -> null);
        wiring = new RecurringWiring(config, h.clock, h.dynamo, h.gateway, new SqsChargeQueue(sqs, queueUrl),
                h.dunning);
    }

    @AfterAll
    static void stop() {
        sqs.close();
        server.stopAndWait();
        h.close();
    }

    /**
     * Before the snapshot the schedule's handler enqueues a due charge, as its first tick will: through a client of
     * the function's settings, to the priming stage's SQS stand-in; the function's real queue gets nothing.
     */
    @Test
    void theSchedulesHandlerPrimingSendsItsBatchToTheStageAndNothingToTheQueue() {
        String url = sqs.createQueue(q -> q.queueName("priming-check")).queueUrl();
        Map<String, String> env = Map.of("CHARGE_QUEUE_URL", url, "SQS_ENDPOINT", "http://127.0.0.1:" + port,
                "AWS_REGION", "eu-south-1", "PAYMENTS_TABLE", h.table,
                "DYNAMODB_ENDPOINT", DynamoDbLocal.endpoint().toString(), "AXERVE_ENV", h.sim.baseUrl(),
                "AXERVE_SHOP_LOGIN", AxerveSimulator.DEFAULT_SHOP_LOGIN,
                "RETURN_URL_ALLOWLIST", "https://shop.example.test/done",
                "DEFAULT_RETURN_URL", "https://shop.example.test/done");

        HandlerPriming.Result primed = JsonLog.muted(() -> HandlerPriming.run(
                "com.axpay.recurring.handlers.ScheduleHandler::handleRequest", env, new RecurringHandlerPriming()));

        assertEquals(List.of("\"complete\""), primed.answers());
        assertEquals(0, sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)).messages().size(),
                "priming put a message on the real queue");
    }

    @Test
    void scheduleEnqueuesWorkerReportsPartialFailuresAndPoisonGoesToTheDeadLetterQueue() throws Exception {
        List<Agreement> due = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            due.add(h.agreement("sqs-" + i, null));
        }
        assertEquals("complete", new ScheduleHandler(wiring).handleRequest(new ScheduledEvent(), context()));
        sqs.sendMessage(q -> q.queueUrl(queueUrl).messageBody("not a charge"));
        // one charge times out before Axerve processes it: its outcome is unknown until the query
        new SimAdmin(h.sim.baseUrl()).fault("{\"operation\":\"callPagamS2S\",\"kind\":\"timeout\",\"delayMs\":4000,"
                + "\"times\":1,\"process\":false}");

        ChargeWorkerHandler worker = new ChargeWorkerHandler(wiring);
        List<Message> first = receive(6);
        SQSBatchResponse r = worker.handleRequest(event(first), context());
        Set<String> failed = new HashSet<>();
        r.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
        assertEquals(2, failed.size(), "the unknown charge and the poison message come back");
        assertTrue(first.stream().filter(m -> m.body().equals("not a charge"))
                .allMatch(m -> failed.contains(m.messageId())));
        deleteAllBut(first, failed);
        assertEquals(4, due.stream().mapToInt(a -> h.sim.chargeCount(a.token())).sum());

        // redelivered after the visibility timeout: the query finds nothing, the charge is sent again, same id
        List<Message> second = receive(2);
        SQSBatchResponse r2 = worker.handleRequest(event(second), context());
        Set<String> failed2 = new HashSet<>();
        r2.getBatchItemFailures().forEach(f -> failed2.add(f.getItemIdentifier()));
        assertEquals(1, failed2.size(), "only the poison message fails again");
        deleteAllBut(second, failed2);
        for (Agreement a : due) {
            assertEquals(1, h.sim.chargeCount(a.token()), "charged once: " + a.agreementId());
        }

        List<Message> dead = new ArrayList<>();
        for (int i = 0; i < 10 && dead.isEmpty(); i++) {
            receive(0); // a third receive moves the poison message past maxReceiveCount
            dead.addAll(sqs.receiveMessage(q -> q.queueUrl(dlqUrl).waitTimeSeconds(1)).messages());
        }
        assertEquals(1, dead.size());
        assertEquals("not a charge", dead.get(0).body());
    }

    /** Receives until {@code n} messages arrived (bounded: 10 rounds of a 2-second long poll). */
    private static List<Message> receive(int n) {
        List<Message> got = new ArrayList<>();
        for (int i = 0; i < 10 && got.size() < Math.max(n, 1); i++) {
            got.addAll(sqs.receiveMessage(q -> q.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(2))
                    .messages());
            if (n == 0) {
                break;
            }
        }
        return got;
    }

    private static void deleteAllBut(List<Message> batch, Set<String> failed) {
        for (Message m : batch) {
            if (!failed.contains(m.messageId())) {
                sqs.deleteMessage(q -> q.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    private static SQSEvent event(List<Message> messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : messages) {
            SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
            r.setMessageId(m.messageId());
            r.setReceiptHandle(m.receiptHandle());
            r.setBody(m.body());
            r.setEventSource("aws:sqs");
            records.add(r);
        }
        SQSEvent e = new SQSEvent();
        e.setRecords(records);
        return e;
    }

    /** A Lambda context with a minute left. */
    private static Context context() {
        return new Context() {
            @Override public String getAwsRequestId() { return "test"; }
            @Override public String getLogGroupName() { return null; }
            @Override public String getLogStreamName() { return null; }
            @Override public String getFunctionName() { return "test"; }
            @Override public String getFunctionVersion() { return "$LATEST"; }
            @Override public String getInvokedFunctionArn() { return null; }
            @Override public CognitoIdentity getIdentity() { return null; }
            @Override public ClientContext getClientContext() { return null; }
            @Override public int getRemainingTimeInMillis() { return 60_000; }
            @Override public int getMemoryLimitInMB() { return 512; }
            @Override public LambdaLogger getLogger() { return null; }
        };
    }
}
