package com.axpay.store.dynamodb;

import com.axpay.core.domain.AgreementEvents;
import com.axpay.core.domain.DomainEvent;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentEvents;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.port.PaymentRepository;
import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox written in the same transaction as a change, on DynamoDB Local. */
@ExtendWith(DynamoDbLocalServer.class)
class OutboxOnDynamoDbLocalTest {

    private static DynamoDbClient client;
    private static String table;
    private static DynamoDbPaymentRepository payments;
    private static DynamoDbOutbox outbox;

    @BeforeAll
    static void createTable() {
        client = DynamoDbClients.create(new StoreConfig("unused-here", DynamoDbLocalServer.endpoint(), "eu-south-1"));
        table = "outbox-" + UUID.randomUUID();
        TableDefinitions.createPaymentsTable(client, table);
        payments = new DynamoDbPaymentRepository(client, table);
        outbox = new DynamoDbOutbox(client, table);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aTransitionWritesOneEventAndALostOrSilentWriteNone() throws Exception {
        Payment p = claimed();
        Payment redirected = write(p, p.toBuilder().state(PaymentState.REDIRECTED).build());
        assertTrue(eventsOf(p).isEmpty(), "REDIRECTED is not published");

        Payment declined = write(redirected, redirected.toBuilder().state(PaymentState.DECLINED).errorCode("74").build());
        // the same transition again, on the version it was decided from: a duplicate notification
        assertInstanceOf(PaymentRepository.Lost.class, payments.update(redirected.toBuilder()
                .state(PaymentState.DECLINED).build(), redirected.version(), EnumSet.of(PaymentState.REDIRECTED)));

        List<DynamoDbOutbox.Entry> events = eventsOf(p);
        assertEquals(1, events.size());
        DynamoDbOutbox.Entry e = events.get(0);
        assertEquals("OUTBOX#" + p.paymentId() + "#" + declined.version(), e.pk());
        assertEquals(PaymentEvents.DECLINED, e.detailType());
        assertEquals(DomainEvent.PAYMENTS_SOURCE, e.source());
        Map<String, Object> detail = JSON.std.mapFrom(e.detail());
        assertEquals(p.paymentId() + "-v" + declined.version(), detail.get("eventId"));
        assertEquals("REDIRECTED", detail.get("previousState"));
        assertEquals("74", detail.get("errorCode"));
        assertFalse(e.detail().contains("Maria") || e.detail().contains("example.test"), e.detail());

        assertTrue(outbox.markDelivered(e.pk(), Payments.T0));
        assertFalse(outbox.markDelivered(e.pk(), Payments.T0), "delivered once");
        assertTrue(eventsOf(p).isEmpty());
    }

    @Test
    void theRecurringCodeAddsItsEventToItsOwnConditionalWrite() {
        String agreementId = "agr_" + UUID.randomUUID();
        DomainEvent created = AgreementEvents.of(AgreementEvents.CREATED, agreementId, 1, "ACTIVE", "cust-9", null,
                null, null, null, Payments.T0);
        Put agreement = Put.builder().tableName(table).conditionExpression("attribute_not_exists(pk)")
                .item(Map.of("pk", AttributeValue.fromS("AGR#" + agreementId), "type", AttributeValue.fromS("AGR")))
                .build();
        client.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder().put(agreement).build(),
                OutboxItems.put(table, created)));
        // the same change recorded twice fails as a whole: no second event
        assertThrows(TransactionCanceledException.class, () -> client.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(agreement.toBuilder().conditionExpression(null).build()).build(),
                OutboxItems.put(table, created))));

        DynamoDbOutbox.Entry e = outbox.find("OUTBOX#" + agreementId + "#1").orElseThrow();
        assertEquals(DomainEvent.AGREEMENTS_SOURCE, e.source());
        assertEquals(AgreementEvents.CREATED, e.detailType());
        assertEquals(agreementId + "-v1", e.eventId());
        assertThrows(IllegalArgumentException.class, () -> AgreementEvents.of("Agreement Renamed", agreementId, 2,
                "ACTIVE", null, null, BigDecimal.ONE, "EUR", null, Payments.T0));
    }

    private static Payment claimed() {
        Payment p = Payments.created(Payments.uniqueOrderId());
        assertInstanceOf(PaymentRepository.Claimed.class, payments.claim(p));
        return p;
    }

    private static Payment write(Payment current, Payment next) {
        return assertInstanceOf(PaymentRepository.Applied.class,
                payments.update(next, current.version(), EnumSet.of(current.state()))).payment();
    }

    private static List<DynamoDbOutbox.Entry> eventsOf(Payment p) {
        return outbox.undelivered(1000).stream().filter(e -> e.pk().startsWith("OUTBOX#" + p.paymentId() + "#"))
                .toList();
    }
}
