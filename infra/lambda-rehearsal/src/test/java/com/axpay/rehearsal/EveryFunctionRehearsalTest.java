package com.axpay.rehearsal;

import com.axpay.lambdarun.FunctionSandbox;
import com.axpay.lambdarun.RuntimeApiEmulator.InitOutcome;
import com.axpay.lambdarun.RuntimeApiEmulator.InvocationOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every function of template.yaml as deployed: its CodeUri jar unpacked as the task root, its own JVM under Lambda's
 * runtime interface client with the managed runtime's JVM options, SnapStart's INIT
 * ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}: the checkpoint hooks, {@code restore/next}, the restore hooks)
 * and SnapStart's environment: no {@code AWS_SESSION_TOKEN}, container credentials, so both secrets come from a
 * Secrets Manager stand-in that only takes requests signed with those credentials ({@link OnDemandRehearsalTest}
 * rehearses the extension's path). Then real events through the Runtime API: a one-time payment, a recurring one, the
 * schedules, the queue worker and the outbox publisher, each answered as a user would expect.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryFunctionRehearsalTest {

    static final String PAY = "POST /payments";
    // static for the helpers below; the test classes of this module run one after the other
    static RehearsalStack stack;
    static Map<String, InitOutcome> inits;

    /** SnapStart's INIT and environment here; on-demand's (with the session token) in the subclass. */
    boolean snapStart() {
        return true;
    }

    @BeforeAll
    void launchEveryFunction() throws Exception {
        long setup = System.nanoTime();
        stack = new RehearsalStack();
        System.out.printf("rehearsal: DynamoDB Local, simulator and stand-ins up in %d ms%n",
                (System.nanoTime() - setup) / 1_000_000);
        List<FunctionSandbox.Spec> specs = stack.functionIds().stream()
                .map(id -> snapStart() ? stack.snapStartSpec(id) : stack.spec(id)).toList();
        long start = System.nanoTime();
        inits = stack.launchAll(specs, 2);
        System.out.printf("rehearsal: %d functions through %s INIT in %d ms (2 at a time)%n", specs.size(),
                snapStart() ? "SnapStart" : "on-demand",
                (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    void stop() throws Exception {
        if (stack != null) {
            long start = System.nanoTime();
            stack.close();
            System.out.printf("rehearsal: stopped in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Test
    @Order(1)
    void everyFunctionOfTheTemplateStartsUnderTheRuntimeClient() {
        assertEquals(16, inits.size(), "the template's functions: " + inits.keySet());
        List<String> problems = new ArrayList<>();
        inits.forEach((id, init) -> {
            if (!init.ok()) {
                problems.add(id + ": " + init.errorType() + " " + init.body() + "\n"
                        + tail(stack.running(id).log()));
                return;
            }
            if (!snapStart()) {
                if (!init.calls().equals(List.of("GET invocation/next"))) {
                    problems.add(id + ": on-demand INIT made Runtime API calls " + init.calls());
                }
                return;
            }
            // SnapStart as the runtime client runs it: beforeCheckpoint hooks, restore/next (the snapshot and its
            // restore), afterRestore hooks, then the first wait for an event
            if (!init.calls().equals(List.of("GET restore/next", "GET invocation/next"))) {
                problems.add(id + ": Runtime API calls " + init.calls());
            }
            // the function's own beforeCheckpoint hook ran (it primes the request path and says so)
            String log = stack.running(id).log();
            if (!log.contains("primed for the snapshot") || log.contains("priming failed")) {
                problems.add(id + ": its checkpoint hook did not prime\n" + tail(log));
            }
            // and its own handler answered the priming's events with success (a status below 400, or an answer)
            String handler = log.lines().filter(l -> l.contains("\"message\":\"handler primed for the snapshot\""))
                    .findFirst().orElse("");
            String answers = handler.replaceAll(".*\"reason\":\"([^\"]*)\".*", "$1");
            if (handler.isEmpty() || !answers.matches("((answered|[23]\\d\\d)(,|$))+")) {
                problems.add(id + ": its handler was not primed to success: " + handler);
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        // nothing secret in INIT: not through the extension (it refuses until the first event), nor from Secrets
        // Manager, nor even the container credentials (they would be captured in the snapshot)
        assertEquals(0, stack.secrets.served() + stack.secrets.refused(), "extension calls during INIT");
        assertEquals(0, stack.secretsManager.credentialsServed() + stack.secretsManager.served(),
                "credentials or Secrets Manager reads during INIT");
    }

    @Test
    @Order(2)
    void aOneTimePaymentGoesThroughEveryPaymentFunction() throws Exception {
        String orderId = "reh-" + UUID.randomUUID().toString().substring(0, 10);
        JsonNode started = ok(201, "StartPaymentFunction", stack.events.http(PAY, "/payments", null, null,
                Events.startPaymentBody(orderId, "24.90", RehearsalStack.RETURN_URL, null),
                RehearsalStack.STOREFRONT_KEY));
        String paymentId = started.path("paymentId").asText();
        String redirectUrl = started.path("redirectUrl").asText();
        assertTrue(redirectUrl.startsWith(stack.sim.baseUrl()), "the buyer goes to Axerve's page: " + redirectUrl);
        assertEquals(401, status("StartPaymentFunction", stack.events.http(PAY, "/payments", null, null,
                "{\"orderId\":\"x-1\",\"amount\":\"1.00\",\"currency\":\"EUR\",\"returnUrl\":\""
                        + RehearsalStack.RETURN_URL + "\"}", "not-the-key")), "a wrong storefront key");
        assertEquals(400, status("StartPaymentFunction", stack.events.file("start-payment-bad-body.json")
                .replace("local-storefront-key", RehearsalStack.STOREFRONT_KEY)), "the bad-body sample");

        // the buyer pays; Axerve's S2S call reaches the notification function through the Runtime API
        String location = stack.returnLocation(redirectUrl, "success");
        JsonNode paid = poll(() -> ok(200, "GetPaymentFunction", getPayment(paymentId)),
                p -> p.path("state").asText().matches("AUTHORIZED|CAPTURED"), "payment " + paymentId + " paid");
        assertEquals("24.90", paid.path("amount").asText());

        // the buyer's browser comes back: 303 to the storefront's returnUrl
        String query = location.substring(location.indexOf('?') + 1);
        JsonNode back = response("AxerveReturnFunction", stack.events.http("GET /axerve/return/ok",
                "/axerve/return/ok", null, query, null, null));
        assertEquals(303, back.path("statusCode").asInt(), back.toString());
        assertTrue(back.path("headers").path("Location").asText(back.path("headers").path("location").asText())
                .startsWith(RehearsalStack.RETURN_URL), back.toString());

        // a tampered notification is refused, the payment unchanged
        int tampered = status("AxerveNotificationFunction", stack.events.http("GET /axerve/s2s", "/axerve/s2s",
                null, "a=" + com.axpay.simulator.AxerveSimulator.DEFAULT_SHOP_LOGIN + "&b=NOTACRYPTEDSTRING", null,
                null));
        assertTrue(tampered >= 400, "a string Axerve cannot decrypt is not accepted: " + tampered);

        assertEquals(409, status("CapturePaymentFunction", stack.events.paymentOperation("capture", paymentId, "{}",
                RehearsalStack.STOREFRONT_KEY)),
                "the simulated shop captures at once: nothing left to capture");
        assertEquals(409, status("CancelPaymentFunction", stack.events.paymentOperation("cancel", paymentId, "{}",
                RehearsalStack.STOREFRONT_KEY)),
                "a captured payment cannot be voided");
        JsonNode refund = response("RefundPaymentFunction", stack.events.paymentOperation("refunds", paymentId,
                "{\"refundId\":\"r-1\",\"amount\":\"4.90\"}", RehearsalStack.STOREFRONT_KEY));
        assertTrue(refund.path("statusCode").asInt() / 100 == 2, refund.toString());
        assertEquals(404, status("GetPaymentFunction", getPayment("pay_00000000000000000000000000000000")));

        // the reconciler's tick: nothing stale, nothing given up
        InvocationOutcome tick = stack.invoke("ReconcilerFunction", stack.events.file("reconciler-tick.json"));
        assertTrue(tick.ok(), tick.body());
        assertTrue(Events.parse(tick.body()).isObject(), "a report: " + tick.body());

        // the outbox publisher: the stream's keys of this payment's outbox items become events on the bus
        List<String> outbox = stack.outboxKeys(paymentId);
        assertFalse(outbox.isEmpty(), "the payment's changes were written to its outbox");
        InvocationOutcome published = stack.invoke("OutboxPublisherFunction", stack.events.stream(outbox));
        assertTrue(published.ok(), published.body());
        assertTrue(stack.publishedEvents.stream().anyMatch(e -> e.path("Detail").asText().contains(paymentId)),
                "the bus got the payment's events: " + stack.publishedEvents);
    }

    @Test
    @Order(3)
    void aRecurringPaymentGoesThroughEveryAgreementFunction() throws Exception {
        String orderId = "reh-r-" + UUID.randomUUID().toString().substring(0, 10);
        JsonNode started = ok(201, "StartPaymentFunction", stack.events.http(PAY, "/payments", null, null,
                Events.startPaymentBody(orderId, "19.90", RehearsalStack.RETURN_URL, Events.MONTHLY_PLAN),
                RehearsalStack.STOREFRONT_KEY));
        String agreementId = started.path("agreementId").asText();
        assertFalse(agreementId.isEmpty(), started.toString());
        stack.payOnPage(started.path("redirectUrl").asText(), "success");
        JsonNode agreement = poll(() -> response("GetAgreementFunction", agreementEvent("GET", null, null)
                .apply(agreementId)), r -> r.path("statusCode").asInt() == 200, "agreement " + agreementId);
        JsonNode a = Events.parse(agreement.path("body").asText());
        assertEquals("ACTIVE", a.path("state").asText(), a.toString());
        assertFalse(a.toString().contains("\"token\""), "the token never leaves");

        JsonNode upsell = response("ChargeAgreementFunction", agreementEvent("POST", "charges",
                "{\"chargeId\":\"upsell-1\",\"amount\":\"4.50\",\"currency\":\"EUR\"}").apply(agreementId));
        assertEquals(201, upsell.path("statusCode").asInt(), upsell.toString());

        // the schedule: the next cycle is a month away, nothing to enqueue
        InvocationOutcome schedule = stack.invoke("RecurringScheduleFunction", stack.events.file(
                "reconciler-tick.json"));
        assertTrue(schedule.ok(), schedule.body());
        assertEquals("\"complete\"", schedule.body());

        // the worker: a message for no agreement is acknowledged, a poison message is reported failed
        InvocationOutcome batch = stack.invoke("ChargeWorkerFunction", stack.events.sqs(
                "arn:aws:sqs:eu-south-1:123456789012:charges", new LinkedHashMap<>(Map.of(
                        "m-stale", "{\"agreementId\":\"agr_00000000000000000000000000000000\",\"cycle\":2,"
                                + "\"attempt\":1}", "m-poison", "not a charge"))));
        assertTrue(batch.ok(), batch.body());
        JsonNode failures = Events.parse(batch.body()).path("batchItemFailures");
        assertEquals(1, failures.size(), batch.body());
        assertEquals("m-poison", failures.get(0).path("itemIdentifier").asText(), batch.body());

        assertEquals(200, response("CancelAgreementFunction", agreementEvent("POST", "cancel", null)
                .apply(agreementId)).path("statusCode").asInt());
        assertEquals(409, response("ResumeAgreementFunction", agreementEvent("POST", "resume", null)
                .apply(agreementId)).path("statusCode").asInt(), "a cancelled agreement does not resume");

        String widgetOrder = "reh-w-" + UUID.randomUUID().toString().substring(0, 10);
        JsonNode widget = ok(201, "WidgetPaymentFunction", stack.events.http("POST /payments/widget",
                "/payments/widget", null, null, "{\"orderId\":\"" + widgetOrder + "\",\"amount\":\"25.00\","
                        + "\"currency\":\"EUR\",\"amazonOrderReferenceId\":\"" + stack.amazonOrderReference() + "\"}",
                RehearsalStack.STOREFRONT_KEY));
        assertTrue(widget.path("state").asText().matches("AUTHORIZED|CAPTURED"), widget.toString());
    }

    @Test
    @Order(4)
    void anEventTheRuntimeCannotReadEndsInInvocationErrorAndTheEnvironmentServesOn() {
        List<String> problems = new ArrayList<>();
        for (String id : stack.functionIds()) {
            InvocationOutcome bad = stack.invoke(id, "[\"not an event\"]");
            if (bad.ok() || bad.errorType() == null) {
                problems.add(id + " answered " + bad);
            }
            if (!stack.running(id).alive()) {
                problems.add(id + " exited");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(404, status("GetPaymentFunction", getPayment("pay_11111111111111111111111111111111")),
                "served on after an error");
    }

    @Test
    @Order(5)
    void secretsWereReadOnlyAfterTheFirstInvocationThroughTheRightPathAndNeverLogged() {
        if (snapStart()) {
            assertTrue(stack.secretsManager.served() > 0, "SnapStart functions read from Secrets Manager directly");
            assertTrue(stack.secretsManager.credentialsServed() > 0, "with the container credentials");
            assertEquals(List.of(), stack.secretsManager.refusals, "every request signed with them");
            assertEquals(0, stack.secrets.served() + stack.secrets.refused(), "the extension is never asked");
        } else {
            assertTrue(stack.secrets.served() > 0, "the functions read their secrets through the extension");
            assertEquals(0, stack.secrets.refused(), "never before their first event");
            assertEquals(0, stack.secretsManager.served() + stack.secretsManager.credentialsServed(),
                    "nor from Secrets Manager directly");
        }
        assertEquals(0, stack.secretsManager.beforeFirstEvent(), "credentials or secrets before a first event");
        for (FunctionSandbox s : stack.launched()) {
            String log = s.log();
            assertFalse(log.contains(RehearsalStack.STOREFRONT_KEY), s.spec().name() + " logged the storefront key");
            assertFalse(log.contains(RehearsalStack.AXERVE_APIKEY), s.spec().name() + " logged the Axerve apikey");
        }
    }

    // ---- helpers

    static java.util.function.Function<String, String> agreementEvent(String method, String action, String body) {
        return agreementId -> stack.events.agreement(method, action, agreementId, body, RehearsalStack.STOREFRONT_KEY);
    }

    static String getPayment(String paymentId) {
        return stack.events.getPayment(paymentId, RehearsalStack.STOREFRONT_KEY);
    }

    /** The API Gateway response object the function returned. */
    static JsonNode response(String functionId, String event) {
        InvocationOutcome o = stack.invoke(functionId, event);
        if (!o.ok()) {
            fail(functionId + " failed: " + o.errorType() + " " + o.body() + "\n" + tail(stack.running(functionId)
                    .log()));
        }
        return Events.parse(o.body());
    }

    static int status(String functionId, String event) {
        return response(functionId, event).path("statusCode").asInt();
    }

    /** The JSON body of a response with the expected status. */
    static JsonNode ok(int expected, String functionId, String event) {
        JsonNode r = response(functionId, event);
        assertEquals(expected, r.path("statusCode").asInt(), functionId + ": " + r);
        return Events.parse(r.path("body").asText());
    }

    static JsonNode poll(Supplier<JsonNode> read, java.util.function.Predicate<JsonNode> done, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + ": not within 30 s, last " + last);
    }

    static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
    }

    static void assertPresent(Object o, String what) {
        assertNotNull(o, what);
    }
}
