package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.axpay.core.domain.PaymentEvents;
import com.axpay.kit.testing.Events;
import com.axpay.kit.testing.TestEventBus;
import com.axpay.payments.stack.PaymentStack;
import com.axpay.payments.stack.WithPaymentStack;
import com.axpay.publisher.EventBridgeSink;
import com.axpay.publisher.OutboxPublisher;
import com.axpay.publisher.OutboxPublisherHandler;
import com.axpay.store.dynamodb.DynamoDbClients;
import com.axpay.store.dynamodb.DynamoDbOutbox;
import com.axpay.store.dynamodb.StoreConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static com.axpay.payments.stack.PaymentStack.uniqueOrderId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Events for the merchant's systems: outbox items written with each state change, published through the real
 * EventBridge client to a loopback bus, once per change however often Axerve repeats its notification.
 */
class EventsTest extends WithPaymentStack {

    private static final String BUS = "payments-test-bus";

    private static TestEventBus bus;
    private static DynamoDbClient dynamoDb;
    private static EventBridgeSink sink;
    private static OutboxPublisher publisher;
    private static DynamoDbOutbox outbox;

    @BeforeAll
    static void start() throws Exception {
        bus = new TestEventBus();
        StoreConfig store = StoreConfig.fromEnvironment(stack.env);
        dynamoDb = DynamoDbClients.create(store);
        outbox = new DynamoDbOutbox(dynamoDb, store.paymentsTable());
        sink = EventBridgeSink.create(BUS, bus.endpoint(), store.region());
        publisher = new OutboxPublisher(outbox, sink, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        sink.close();
        dynamoDb.close();
        bus.close();
    }

    @Test
    void aPaidPaymentPublishesAuthorizedAndCapturedOnceEvenWithTripledNotifications() {
        stack.admin.notifyOptions(Map.of("duplicates", 3));
        String paymentId = pay("success", "25.00");
        publisher.drain(100);
        List<TestEventBus.Event> events = bus.eventsOf(paymentId);
        assertEquals(List.of(PaymentEvents.AUTHORIZED, PaymentEvents.CAPTURED),
                events.stream().map(TestEventBus.Event::detailType).toList());
        TestEventBus.Event captured = events.get(1);
        assertEquals(BUS, captured.bus());
        assertEquals("com.axpay.payments", captured.source());
        assertEquals("CAPTURED", captured.detail().get("state"));
        assertEquals("AUTHORIZED", captured.detail().get("previousState"));
        assertEquals("25.00", captured.detail().get("amount"));
        assertEquals("EUR", captured.detail().get("currency"));
        assertEquals(paymentId + "-v" + captured.detail().get("version"), captured.detail().get("eventId"));
        assertNoPersonalData(events);

        stack.admin.notifyOptions(Map.of("duplicates", 1));
        assertEquals(0, publisher.drain(100), "nothing left to publish");
        assertEquals(2, bus.eventsOf(paymentId).size());
    }

    @Test
    void aDeclineAndARefundArePublishedWithTheirReasonAndAmounts() {
        String declined = pay("decline", "9.00");
        String paid = pay("success", "10.00");
        assertEquals(201, RefundTest.refund(new RefundPaymentHandler(stack.wiring), paid, "ev-1", "4.00", "late")
                .getStatusCode());
        publisher.drain(100);

        TestEventBus.Event decline = bus.eventsOf(declined).get(0);
        assertEquals(PaymentEvents.DECLINED, decline.detailType());
        assertEquals("74", decline.detail().get("errorCode"));
        assertTrue(decline.detail().containsKey("declineReason"));

        List<TestEventBus.Event> paidEvents = bus.eventsOf(paid);
        TestEventBus.Event refunded = paidEvents.get(paidEvents.size() - 1);
        assertEquals(PaymentEvents.REFUNDED, refunded.detailType());
        assertEquals("PARTIALLY_REFUNDED", refunded.detail().get("state"));
        assertEquals("ev-1", refunded.detail().get("refundId"));
        assertEquals("4.00", refunded.detail().get("refundAmount"));
        assertEquals("4.00", refunded.detail().get("refundedAmount"));
        assertNoPersonalData(paidEvents);
    }

    @Test
    void theStreamTriggerPublishesEachOutboxItemOnceAndReportsFailuresForRetry() {
        String paymentId = pay("abandon", "5.00");
        String pk = outbox.undelivered(1000).stream().filter(e -> e.pk().startsWith("OUTBOX#" + paymentId + "#"))
                .findFirst().orElseThrow().pk();
        OutboxPublisherHandler handler = new OutboxPublisherHandler(publisher);

        bus.failNext(1);
        StreamsEventResponse failed = handler.handleRequest(streamEvent(pk, "PAY#" + paymentId), null);
        assertEquals(List.of("seq-0"), failed.getBatchItemFailures().stream()
                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList());
        assertTrue(bus.eventsOf(paymentId).isEmpty());

        StreamsEventResponse ok = handler.handleRequest(streamEvent(pk, "PAY#" + paymentId), null);
        assertTrue(ok.getBatchItemFailures().isEmpty());
        StreamsEventResponse redelivered = handler.handleRequest(streamEvent(pk), null);
        assertTrue(redelivered.getBatchItemFailures().isEmpty());
        assertEquals(List.of(PaymentEvents.ABANDONED), bus.eventsOf(paymentId).stream()
                .map(TestEventBus.Event::detailType).toList(), "published once, a non-outbox key ignored");
        assertEquals(OutboxPublisher.Delivery.ALREADY_DELIVERED, publisher.deliver(pk));
    }

    // ---- helpers

    private static String pay(String scenario, String amount) {
        Map<String, Object> started = stack.startOk(uniqueOrderId(), amount);
        String stx = (String) started.get("shopTransactionId");
        stack.returnToShop(stack.payOnPage((String) started.get("redirectUrl"), scenario));
        stack.awaitNotifications(stx, 1);
        String paymentId = (String) started.get("paymentId");
        PaymentStack.await(() -> !List.of("REDIRECTED", "AUTHORIZED").contains(stack.state(paymentId)),
                "a final state");
        return paymentId;
    }

    private static DynamodbEvent streamEvent(String... keys) {
        DynamodbEvent event = new DynamodbEvent();
        List<DynamodbEvent.DynamodbStreamRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            DynamodbEvent.DynamodbStreamRecord r = new DynamodbEvent.DynamodbStreamRecord();
            r.setEventName("INSERT");
            StreamRecord sr = new StreamRecord();
            sr.setKeys(Map.of("pk", new AttributeValue().withS(keys[i])));
            sr.setSequenceNumber("seq-" + i);
            r.setDynamodb(sr);
            records.add(r);
        }
        event.setRecords(records);
        return event;
    }

    private static void assertNoPersonalData(List<TestEventBus.Event> events) {
        for (TestEventBus.Event e : events) {
            String raw = e.rawDetail().toLowerCase();
            assertFalse(raw.contains("maria") || raw.contains("example.test") || raw.contains("token")
                    || raw.contains("address") || raw.contains("buyer"), raw);
        }
    }
}
