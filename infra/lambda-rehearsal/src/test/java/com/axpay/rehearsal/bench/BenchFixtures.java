package com.axpay.rehearsal.bench;

import com.axpay.lambdarun.FunctionSandbox;
import com.axpay.lambdarun.RuntimeApiEmulator;
import com.axpay.rehearsal.Events;
import com.axpay.rehearsal.RehearsalStack;
import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The state each measured invocation needs, made before it and outside the timed span, the way a shop's buyers and
 * Axerve make it: payments started by StartPayment, paid on the simulator's page, notified through the notification
 * function; agreements from a recurring payment; a due charge created by the schedule. Those functions run here in
 * warm helper environments of their own (on-demand, never measured). The simulator does not deliver its S2S calls in
 * the bench (nothing serves them): the helper notification environment is invoked with the buyer's return query
 * (Axerve sends the same {@code a}, {@code b}), so a payment can also be left paid at Axerve and unknown to us.
 */
final class BenchFixtures implements AutoCloseable {

    /** The reconciler's and the schedule's clocks, ahead of the real one (their function and the helper schedule). */
    static final String RECONCILER_CLOCK = "PT16M";
    static final String SCHEDULE_CLOCK = "P32D";

    private final RehearsalStack stack;
    private final Function<String, FunctionSandbox.Spec> specs;
    private final Path dir;
    private final Map<String, FunctionSandbox> helpers = new LinkedHashMap<>();
    private final DynamoDbClient dynamoDb;

    BenchFixtures(RehearsalStack stack, Function<String, FunctionSandbox.Spec> specs, Path dir) throws Exception {
        this.stack = stack;
        this.specs = specs;
        this.dir = dir;
        this.dynamoDb = stack.dynamoDb();
        // a payment the bench pays is notified by the bench, once (see the class comment)
        stack.simAdmin("PUT", "/_sim/notify-options", "{\"maxAttempts\":1}");
    }

    /** A file for {@code LOCAL_CLOCK_FILE}: the functions' clock moved forward by {@code offset}. */
    Path clock(String offset) throws IOException {
        Path f = dir.resolve("clock-" + offset);
        Files.writeString(f, offset);
        return f;
    }

    // ---- payments

    static String orderId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** POST /payments through the helper StartPayment environment: its 201 body. */
    JsonNode start(String recurring) {
        return ok(201, "StartPaymentFunction", stack.events.http("POST /payments", "/payments", null, null,
                Events.startPaymentBody(orderId("bench"), "19.90", RehearsalStack.RETURN_URL, recurring),
                RehearsalStack.STOREFRONT_KEY));
    }

    /** The buyer pays on the simulator's page; Axerve knows the payment paid, we do not yet: the query it sends. */
    String payAtAxerve(JsonNode started) throws Exception {
        String location = stack.returnLocation(started.path("redirectUrl").asText(), "success");
        return location.substring(location.indexOf('?') + 1);
    }

    /** Axerve's S2S call with that query, through the helper notification environment. */
    void notifyUs(String query) {
        ok(200, "AxerveNotificationFunction", stack.events.http("GET /axerve/s2s", "/axerve/s2s", null, query, null,
                null));
    }

    /** A payment paid and notified: CAPTURED, or AUTHORIZED when {@code deferred} (the merchant captures later). */
    String paidPayment(boolean deferred) throws Exception {
        if (deferred) {
            stack.putMerchant(true);
        }
        try {
            JsonNode started = start(null);
            notifyUs(payAtAxerve(started));
            return started.path("paymentId").asText();
        } finally {
            if (deferred) {
                stack.putMerchant(false);
            }
        }
    }

    /**
     * A payment paid at Axerve whose notification never came, past the reconciler's threshold (its clock is
     * {@link #RECONCILER_CLOCK} ahead), and the only open payment so: earlier ones leave the open-state index.
     */
    String stuckPayment() throws Exception {
        JsonNode started = start(null);
        payAtAxerve(started);
        String pk = "PAY#" + started.path("paymentId").asText();
        for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(r -> r.tableName(stack.tableName)
                .indexName("byOpenState")).items()) {
            String other = item.get("pk").s();
            if (!other.equals(pk)) {
                dynamoDb.updateItem(r -> r.tableName(stack.tableName).key(Map.of("pk", AttributeValue.fromS(other)))
                        .updateExpression("REMOVE openState, openSince"));
            }
        }
        return started.path("paymentId").asText();
    }

    /**
     * The outbox items of a new paid payment (its start writes none), not published yet: the keys the table's stream
     * gives the publisher.
     */
    List<String> unpublishedOutbox() throws Exception {
        String paymentId = paidPayment(false);
        List<String> keys = stack.outboxKeys(paymentId);
        if (keys.isEmpty()) {
            throw new IllegalStateException("payment " + paymentId + " wrote no outbox item");
        }
        return keys;
    }

    // ---- agreements

    /** An ACTIVE monthly agreement with its token, from a paid recurring payment. */
    String agreement() throws Exception {
        JsonNode started = start(Events.MONTHLY_PLAN);
        notifyUs(payAtAxerve(started));
        return started.path("agreementId").asText();
    }

    /** An agreement SUSPENDED by a hard decline of an upsell on its token (the buyer must fix the method). */
    String suspendedAgreement() throws Exception {
        String id = agreement();
        String token = dynamoDb.getItem(r -> r.tableName(stack.tableName).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("AGR#" + id)))).item().get("token").s();
        stack.simAdmin("PUT", "/_sim/tokens/" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8) + "/mode",
                "{\"mode\":\"hard-decline\",\"times\":1}");
        JsonNode r = response("ChargeAgreementFunction", stack.events.agreement("POST", "charges", id,
                "{\"chargeId\":\"" + orderId("decline") + "\",\"amount\":\"1.00\",\"currency\":\"EUR\"}",
                RehearsalStack.STOREFRONT_KEY));
        int status = r.path("statusCode").asInt();
        if (status / 100 != 2) {
            throw new IllegalStateException("the declined upsell answered " + r);
        }
        return id;
    }

    /**
     * An agreement whose second cycle is due for the schedule's clock ({@link #SCHEDULE_CLOCK} ahead), and the only
     * one due: earlier ones leave the due index.
     */
    String dueAgreement() throws Exception {
        String id = agreement();
        String pk = "AGR#" + id;
        for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(r -> r.tableName(stack.tableName)
                .indexName("byDue")).items()) {
            String other = item.get("pk").s();
            if (!other.equals(pk)) {
                dynamoDb.updateItem(r -> r.tableName(stack.tableName).key(Map.of("pk", AttributeValue.fromS(other)))
                        .updateExpression("REMOVE dueShard, dueAt"));
            }
        }
        return id;
    }

    /**
     * A due charge as the schedule leaves it: the helper schedule environment created its record and enqueued it;
     * the message is taken off the queue here, as the event source mapping would, and returned as an SQS event.
     */
    String scheduledCharge() throws Exception {
        String id = dueAgreement();
        RuntimeApiEmulator.InvocationOutcome tick = helper("RecurringScheduleFunction").invoke(
                stack.events.file("reconciler-tick.json"), Duration.ofSeconds(10));
        if (!tick.ok()) {
            throw new IllegalStateException("the schedule failed: " + tick);
        }
        try (SqsClient sqs = stack.sqs()) {
            String url = specs.apply("RecurringScheduleFunction").environment().get("CHARGE_QUEUE_URL");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                for (Message m : sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages()) {
                    sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
                    if (m.body().contains(id)) {
                        return stack.events.sqs("arn:aws:sqs:" + RehearsalStack.REGION + ":123456789012:charges",
                                Map.of(m.messageId(), m.body()));
                    }
                }
            }
        }
        throw new IllegalStateException("the schedule enqueued no charge for " + id);
    }

    /** An order reference the buyer got from the simulated Amazon widgets, for POST /payments/widget. */
    String widgetBody() throws Exception {
        return "{\"orderId\":\"" + orderId("bench-w") + "\",\"amount\":\"25.00\",\"currency\":\"EUR\","
                + "\"amazonOrderReferenceId\":\"" + stack.amazonOrderReference() + "\"}";
    }

    // ---- helper environments

    /** A warm on-demand environment of the function (plain secrets), launched on first use, never measured. */
    FunctionSandbox helper(String functionId) throws IOException {
        FunctionSandbox s = helpers.get(functionId);
        if (s == null || !s.alive()) {
            FunctionSandbox.Spec spec = specs.apply(functionId);
            if (functionId.equals("RecurringScheduleFunction")) {
                spec = spec.withEnvironment(Map.of("LOCAL_CLOCK_FILE", clock(SCHEDULE_CLOCK).toString()));
            }
            s = stack.launch(spec);
            RuntimeApiEmulator.InitOutcome init = s.awaitInit(RehearsalStack.INIT_TIMEOUT);
            if (!init.ok()) {
                throw new IllegalStateException("helper " + functionId + " INIT failed: " + init + "\n" + s.log());
            }
            helpers.put(functionId, s);
        }
        return s;
    }

    private JsonNode response(String functionId, String event) {
        try {
            RuntimeApiEmulator.InvocationOutcome o = helper(functionId).invoke(event, Duration.ofSeconds(10));
            if (!o.ok()) {
                throw new IllegalStateException("helper " + functionId + " failed: " + o);
            }
            return Events.parse(o.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode ok(int expected, String functionId, String event) {
        JsonNode r = response(functionId, event);
        if (r.path("statusCode").asInt() != expected) {
            throw new IllegalStateException("helper " + functionId + " answered " + r);
        }
        return Events.parse(r.path("body").asText());
    }

    @Override
    public void close() {
        helpers.values().forEach(FunctionSandbox::close);
        dynamoDb.close();
    }
}
