package com.axpay.kit.priming;

import com.axpay.core.domain.Buyer;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.port.PaymentRepository;
import com.axpay.store.dynamodb.DynamoDbClients;
import com.axpay.store.dynamodb.DynamoDbPaymentRepository;
import com.axpay.store.dynamodb.StoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-memory table a handler priming's use cases run on, through the real repository and SDK client: what one step
 * writes, the next finds, as a use case needs to reach its success.
 */
class LoopbackDynamoDbTest {

    private static final Instant T = Instant.parse("2026-06-01T10:00:00Z");

    private final LoopbackDynamoDb table = new LoopbackDynamoDb();
    private LoopbackJsonEndpoint endpoint;
    private DynamoDbClient client;
    private DynamoDbPaymentRepository payments;

    @BeforeEach
    void start() throws IOException {
        endpoint = LoopbackJsonEndpoint.start(table::answer);
        client = DynamoDbClients.create(new StoreConfig("payments", endpoint.endpoint(), "eu-south-1"));
        payments = new DynamoDbPaymentRepository(client, "payments");
    }

    @AfterEach
    void stop() {
        client.close();
        endpoint.close();
    }

    private static Payment payment(String id, PaymentState state, Instant at) {
        return Payment.builder().paymentId(id).orderId("order-" + id).shopTransactionId("stx-" + id)
                .amount(new BigDecimal("2.50")).currency("EUR").state(state).returnUrl("https://shop.example.test/r")
                .createdAt(at).updatedAt(at).refundedAmount(BigDecimal.ZERO).refundReserved(BigDecimal.ZERO).build();
    }

    @Test
    void aClaimedPaymentIsFoundByIdAndByShopTransactionIdAndAnUpdateIsReadBack() {
        assertInstanceOf(PaymentRepository.Claimed.class, payments.claim(payment("p1", PaymentState.CREATED, T)));
        assertEquals(3, table.size(), "the payment, its order and its shopTransactionId items");
        assertEquals("p1", payments.findByShopTransactionId("stx-p1").orElseThrow().paymentId());
        Payment authorized = payment("p1", PaymentState.AUTHORIZED, T.plusSeconds(5));
        payments.update(authorized, 0, Set.of(PaymentState.CREATED));
        assertEquals(PaymentState.AUTHORIZED, payments.findById("p1").orElseThrow().state());
        assertTrue(payments.findById("p2").isEmpty());
    }

    @Test
    void theOpenStateQueryHoldsItsKeyConditions() {
        payments.claim(payment("old", PaymentState.PENDING, T.minusSeconds(3600)));
        payments.claim(payment("new", PaymentState.PENDING, T));
        payments.claim(payment("done", PaymentState.CAPTURED, T.minusSeconds(3600)));
        payments.claim(payment("redirected", PaymentState.REDIRECTED, T.minusSeconds(3600)));
        List<String> stale = payments.findStale(PaymentState.PENDING, T.minusSeconds(60), 10).stream()
                .map(Payment::paymentId).toList();
        assertEquals(List.of("old"), stale);
    }

    @Test
    void anUpdateExpressionSetsItsValuesAndAnswersTheNewItem() {
        payments.claim(payment("p1", PaymentState.CAPTURED, T));
        Payment enriched = payments.enrich("p1", new Buyer("Maria Rossi", "maria@example.test"), null, null,
                T.plusSeconds(1)).orElseThrow();
        assertEquals("Maria Rossi", enriched.buyer().name());
        assertEquals(T.plusSeconds(1), enriched.addressesReadAt());
        assertEquals("Maria Rossi", payments.findById("p1").orElseThrow().buyer().name());
    }

    @Test
    void aRequestItCannotReadIsAnsweredEmptyNotFailed() {
        assertEquals("{}", table.answer("DynamoDB_20120810.PutItem", "not json"));
        assertEquals("{}", table.answer("DynamoDB_20120810.GetItem", "{\"Key\":{\"pk\":{\"S\":\"none\"}}}"));
        assertEquals(0, table.size());
    }
}
