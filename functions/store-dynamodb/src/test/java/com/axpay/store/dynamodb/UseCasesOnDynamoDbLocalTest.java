package com.axpay.store.dynamodb;

import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.port.IdGenerator;
import com.axpay.core.port.PaymentGateway;
import com.axpay.core.port.PaymentRepository.Applied;
import com.axpay.core.usecase.GetPayment;
import com.axpay.core.usecase.PaymentConflictException;
import com.axpay.core.usecase.StartPayment;
import com.axpay.core.validation.ReturnUrlAllowList;
import com.axpay.core.validation.StartPaymentCommand;
import com.axpay.core.validation.StartPaymentValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.axpay.store.dynamodb.Payments.T0;
import static com.axpay.store.dynamodb.Payments.created;
import static com.axpay.store.dynamodb.Payments.uniqueOrderId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The use-case paths that never reach Axerve, on the real store. The gateway here fails the test if called: these
 * paths must answer from what is stored (the paths that call Axerve are tested end to end against the simulator).
 */
@ExtendWith(DynamoDbLocalServer.class)
class UseCasesOnDynamoDbLocalTest {

    private static DynamoDbClient client;
    private static DynamoDbPaymentRepository repo;
    private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC);
    private static final String RETURN = "https://shop.example.test/return";

    @BeforeAll
    static void setUp() {
        String table = "payments-" + UUID.randomUUID();
        client = DynamoDbClients.create(new StoreConfig(table, DynamoDbLocalServer.endpoint(), "eu-south-1"));
        TableDefinitions.createPaymentsTable(client, table);
        repo = new DynamoDbPaymentRepository(client, table);
    }

    @AfterAll
    static void tearDown() {
        client.close();
    }

    private static StartPayment startPayment() {
        StartPaymentValidator validator = new StartPaymentValidator(Set.of("EUR"),
                ReturnUrlAllowList.of(List.of(RETURN)), s -> false);
        return new StartPayment(repo, new MustNotBeCalled(), validator, CLOCK, IdGenerator.random(),
                Duration.ofSeconds(30));
    }

    private static StartPaymentCommand command(String orderId, String amount) {
        return new StartPaymentCommand(amount, "EUR", orderId, null, null, "en", Map.of(), RETURN);
    }

    private static Payment stored(String orderId, PaymentState state) {
        Payment p = created(orderId);
        repo.claim(p);
        if (state == PaymentState.CREATED) {
            return p;
        }
        Payment next = p.toBuilder().state(state).redirectUrl("https://pay.example.test/pagam?b=x").build();
        return ((Applied) repo.update(next, p.version(), EnumSet.of(PaymentState.CREATED))).payment();
    }

    @Test
    void sameOrderAgainReturnsTheSamePaymentWithoutASecondEncrypt() {
        Payment live = stored(uniqueOrderId(), PaymentState.REDIRECTED);

        StartPayment.Result again = startPayment().start(command(live.orderId(), "12.5"));

        assertFalse(again.created());
        assertEquals(live, again.payment());
        assertEquals("https://pay.example.test/pagam?b=x", again.payment().redirectUrl());
    }

    @Test
    void differentAmountForALiveOrderIsAConflict() {
        Payment live = stored(uniqueOrderId(), PaymentState.PENDING);

        PaymentConflictException e = assertThrows(PaymentConflictException.class,
                () -> startPayment().start(command(live.orderId(), "13.00")));
        assertEquals(live.paymentId(), e.paymentId());
        assertEquals(live, repo.findById(live.paymentId()).orElseThrow());
    }

    @Test
    void paidOrderIsReturnedNotChargedAgain() {
        Payment paid = stored(uniqueOrderId(), PaymentState.CAPTURED);

        assertEquals(paid, startPayment().start(command(paid.orderId(), "12.50")).payment());
    }

    @Test
    void aClaimStillWithinItsEncryptLeaseIsNotEncryptedTwice() {
        Payment claimed = stored(uniqueOrderId(), PaymentState.CREATED); // updatedAt T0, clock T0 + 5 s

        StartPayment.Result again = startPayment().start(command(claimed.orderId(), "12.50"));

        assertEquals(PaymentState.CREATED, again.payment().state());
        assertEquals(claimed.paymentId(), again.payment().paymentId());
    }

    @Test
    void getPaymentReadsWhatIsStored() {
        Payment p = stored(uniqueOrderId(), PaymentState.REDIRECTED);
        GetPayment get = new GetPayment(repo);

        assertEquals(p, get.get(p.paymentId()).orElseThrow());
        assertTrue(get.get("pay_nope").isEmpty());
        assertTrue(get.get(" ").isEmpty());
    }

    /** Fails the test on any call: the paths above must not reach Axerve. */
    private static final class MustNotBeCalled implements PaymentGateway {
        @Override
        public HostedPayment startHostedPayment(HostedPaymentRequest request) {
            throw new AssertionError("Encrypt must not be called");
        }

        @Override
        public GatewayOutcome decrypt(String shopLogin, String encryptedString) {
            throw new AssertionError("Decrypt must not be called");
        }

        @Override
        public GatewayOutcome queryTransaction(String shopTransactionId) {
            throw new AssertionError("callReadTrxS2S must not be called");
        }
    }
}
