package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.kit.handler.ApiHandler;
import com.axpay.kit.testing.Events;
import com.axpay.payments.stack.PaymentStack;
import com.axpay.payments.stack.PaymentStack.Paid;
import com.axpay.payments.stack.WithPaymentStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.axpay.payments.stack.PaymentStack.SHOP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A capture or cancel whose answer from Axerve is lost: the simulator's {@code timeout} fault holds Axerve's answer
 * past the client's read timeout (2 s here), having applied the operation ({@code process: true}) or not. The
 * attempt recorded before the call stays on the payment as UNKNOWN; the reconciler (clock ahead) or a repeat of the
 * request settles it from Axerve's callReadTrxS2S, and never sends it twice.
 */
class LostOperationAnswerTest extends WithPaymentStack {

    /** One of the two operations: its route, its Axerve call, and the states it leads to here and at Axerve. */
    private record Op(String route, String axerveOperation, String state, String axerveState) {
    }

    private static final Op CAPTURE = new Op("capture", "callSettleS2S", "CAPTURED", "MOV");
    private static final Op CANCEL = new Op("cancel", "callDeleteS2S", "CANCELED", "CAN");

    @BeforeAll
    static void startStack() {
        stack.admin.putMerchant(Map.of("shopLogin", SHOP, "captureMode", "deferred"));
    }

    @Test
    void aCaptureWhoseAnswerIsLostIsCapturedByTheReconciler() {
        lostAnswerIsResolvedByTheReconciler(CAPTURE);
    }

    @Test
    void aCancelWhoseAnswerIsLostIsCanceledByTheReconciler() {
        lostAnswerIsResolvedByTheReconciler(CANCEL);
    }

    private void lostAnswerIsResolvedByTheReconciler(Op op) {
        Paid a = authorized();
        timeoutOn(op, true);
        APIGatewayV2HTTPResponse r = send(op, a.paymentId());
        assertEquals(504, r.getStatusCode(), r.getBody());
        assertEquals(op.axerveState, stack.axerveTransaction(a.stx()).get("state"), "Axerve did it");
        assertEquals("AUTHORIZED", stack.state(a.paymentId()), "not known here yet");
        assertEquals("UNKNOWN", operation(a.paymentId()).get("status"));
        assertEquals(op.route.toUpperCase(java.util.Locale.ROOT), operation(a.paymentId()).get("kind"));

        Map<String, Integer> report = stack.reconcilerAhead(Duration.ofHours(1)).handleRequest(Events.tick(), null);

        assertTrue(report.get("resolved") >= 1, report.toString());
        assertEquals(op.state, stack.state(a.paymentId()));
        assertEquals("SUCCEEDED", operation(a.paymentId()).get("status"));
        assertEquals(1, events(a.stx(), op.axerveState), "sent once");
    }

    @Test
    void aCaptureThatNeverHappenedIsClearedByTheReconcilerAndARetryCaptures() {
        neverHappenedIsClearedAndRetried(CAPTURE);
    }

    @Test
    void aCancelThatNeverHappenedIsClearedByTheReconcilerAndARetryCancels() {
        neverHappenedIsClearedAndRetried(CANCEL);
    }

    private void neverHappenedIsClearedAndRetried(Op op) {
        Paid a = authorized();
        timeoutOn(op, false);
        assertEquals(504, send(op, a.paymentId()).getStatusCode());
        assertEquals("AUT", stack.axerveTransaction(a.stx()).get("state"), "Axerve did nothing");

        // at once, Axerve's AUT proves nothing yet (the call may still land): refused without calling Axerve
        stack.admin.fault(Map.of("operation", op.axerveOperation, "kind", "latency", "delayMs", 0, "times", 1));
        APIGatewayV2HTTPResponse early = send(op, a.paymentId());
        assertEquals(409, early.getStatusCode(), early.getBody());
        assertEquals("operation_in_progress", RefundTest.error(early).get("code"));
        assertEquals(1, stack.admin.faults().size(), "Axerve's " + op.axerveOperation + " was not called");
        stack.admin.clearFaults();

        Map<String, Integer> report = stack.reconcilerAhead(Duration.ofHours(1)).handleRequest(Events.tick(), null);

        assertTrue(report.get("resolved") >= 1, report.toString());
        assertEquals("AUTHORIZED", stack.state(a.paymentId()));
        assertEquals("FAILED", operation(a.paymentId()).get("status"));
        assertEquals("NOT_APPLIED", operation(a.paymentId()).get("errorCode"));
        APIGatewayV2HTTPResponse retry = send(op, a.paymentId());
        assertEquals(200, retry.getStatusCode(), retry.getBody());
        assertEquals(op.state, stack.state(a.paymentId()));
        assertEquals(op.axerveState, stack.axerveTransaction(a.stx()).get("state"));
        assertEquals("SUCCEEDED", operation(a.paymentId()).get("status"));
    }

    @Test
    void theSameCaptureSentAgainAfterALostAnswerAnswersFromAxerve() {
        Paid a = authorized();
        timeoutOn(CAPTURE, true);
        assertEquals(504, send(CAPTURE, a.paymentId()).getStatusCode());

        APIGatewayV2HTTPResponse again = send(CAPTURE, a.paymentId());

        assertEquals(200, again.getStatusCode(), again.getBody());
        assertEquals("CAPTURED", PaymentStack.json(again).get("state"));
        assertEquals("SUCCEEDED", operation(a.paymentId()).get("status"));
        assertEquals(1, events(a.stx(), "MOV"));
    }

    @Test
    void twoConcurrentCapturesCallAxerveOnce() throws Exception {
        Paid a = authorized();
        // the first callSettleS2S stalls 1.5 s while the other request arrives; a second call would use this up
        stack.admin.fault(Map.of("operation", "callSettleS2S", "kind", "latency", "delayMs", 1500, "times", 2));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return send(CAPTURE, a.paymentId());
                }, pool));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            Map<Integer, String> bodies = new HashMap<>();
            for (CompletableFuture<APIGatewayV2HTTPResponse> c : calls) {
                APIGatewayV2HTTPResponse r = c.get(20, TimeUnit.SECONDS);
                statuses.add(r.getStatusCode());
                bodies.put(r.getStatusCode(), r.getBody());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses, bodies.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, stack.admin.faults().size(), "callSettleS2S was called once");
        assertEquals("CAPTURED", stack.state(a.paymentId()));
        assertEquals(1, events(a.stx(), "MOV"));
    }

    // ---- helpers

    private static Paid authorized() {
        return stack.paid("10.00", "AUTHORIZED");
    }

    /** Axerve's answer held past the client's read timeout; {@code process}: whether the operation took effect. */
    private static void timeoutOn(Op op, boolean process) {
        stack.admin.fault(Map.of("operation", op.axerveOperation, "kind", "timeout",
                "delayMs", PaymentStack.READ_TIMEOUT_MS * 2, "times", 1, "process", process));
    }

    private static APIGatewayV2HTTPResponse send(Op op, String paymentId) {
        ApiHandler h = op == CAPTURE ? new CapturePaymentHandler(stack.wiring) : new CancelPaymentHandler(stack.wiring);
        return h.handleRequest(Events.paymentOperation(paymentId, op.route, null), null);
    }

    private static Map<?, ?> operation(String paymentId) {
        return (Map<?, ?>) stack.payment(paymentId).get("operation");
    }

    private static long events(String stx, String type) {
        return ((List<?>) stack.axerveTransaction(stx).get("events")).stream()
                .filter(e -> type.equals(((Map<?, ?>) e).get("type"))).count();
    }
}
