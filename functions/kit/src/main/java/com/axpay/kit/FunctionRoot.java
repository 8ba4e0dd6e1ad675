package com.axpay.kit;

import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.port.AgreementRepository;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.port.RefundRepository;
import com.axpay.gateway.axerve.AxervePaymentGateway;
import com.axpay.gateway.axerve.AxerveRecurringGateway;
import com.axpay.kit.config.LambdaSecretSource;
import com.axpay.kit.config.LocalClock;
import com.axpay.kit.config.PaymentsConfig;
import com.axpay.kit.config.Secret;
import com.axpay.kit.http.StorefrontAuth;
import com.axpay.kit.priming.HandlerPriming;
import com.axpay.kit.log.AxerveMetrics;
import com.axpay.soap.AxerveClient;
import com.axpay.soap.AxerveConfig;
import com.axpay.store.dynamodb.DynamoDbAgreementRepository;
import com.axpay.store.dynamodb.DynamoDbClients;
import com.axpay.store.dynamodb.DynamoDbPaymentRepository;
import com.axpay.store.dynamodb.DynamoDbRefundRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The composition root of a function's process: its settings, clock, the one DynamoDB client, the one Axerve client
 * and the one observer of Axerve calls (metrics, logs, the Axerve-failure alarm). The payment and the recurring
 * wirings build their use cases on it, so every Axerve call, from any function, is observed and primed the same way.
 */
public final class FunctionRoot implements AutoCloseable {

    /** The id priming reads: no payment or agreement has it (ids are generated UUIDs). */
    public static final String PRIMING_KEY = "priming-read";

    private final PaymentsConfig config;
    private final Clock clock;
    private final DynamoDbClient dynamoDb;
    private final AxerveClient axerve;
    private final AxervePaymentGateway paymentGateway;
    private final AxerveRecurringGateway recurringGateway;
    private final StorefrontAuth storefrontAuth;
    private final PaymentRepository payments;
    private final AgreementRepository agreements;
    private final RefundRepository refunds;

    private FunctionRoot(PaymentsConfig config, Clock clock, DynamoDbClient dynamoDb, AxerveClient axerve,
                         AxerveMetrics metrics) {
        this.config = Objects.requireNonNull(config);
        this.clock = Objects.requireNonNull(clock);
        this.dynamoDb = Objects.requireNonNull(dynamoDb);
        this.axerve = Objects.requireNonNull(axerve);
        this.paymentGateway = new AxervePaymentGateway(axerve, metrics);
        this.recurringGateway = new AxerveRecurringGateway(axerve, metrics);
        this.storefrontAuth = StorefrontAuth.ofNullable(config.storefrontApiKey());
        String table = config.store().paymentsTable();
        this.payments = new DynamoDbPaymentRepository(dynamoDb, table);
        this.agreements = new DynamoDbAgreementRepository(dynamoDb, table);
        this.refunds = new DynamoDbRefundRepository(dynamoDb, table);
    }

    /** Reads and validates the environment (secrets are only located, read on first use) and builds the clients. */
    public static FunctionRoot fromEnvironment(Map<String, String> env) {
        return create(PaymentsConfig.fromEnvironment(env, LambdaSecretSource.fromEnvironment(env)),
                LocalClock.fromEnvironment(env));
    }

    public static FunctionRoot create(PaymentsConfig config, Clock clock) {
        AxerveClient axerve = AxerveClient.create(AxerveConfig.builder()
                .environment(config.axerveEnvironment())
                .shopLogin(config.shopLogin())
                .apikey(apikeySupplier(config))
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .build());
        return new FunctionRoot(config, clock, DynamoDbClients.create(config.store()), axerve, new AxerveMetrics());
    }

    /** The same clients with another clock (tests move time forward for the reconciler). */
    public FunctionRoot withClock(Clock other) {
        return new FunctionRoot(config, other, dynamoDb, axerve, new AxerveMetrics());
    }

    /** The Axerve apikey as the SOAP client asks for it: the secret's current value at each call; null if none. */
    static Supplier<String> apikeySupplier(PaymentsConfig config) {
        Secret apikey = config.apikey();
        return apikey == null ? null : apikey::value;
    }

    public PaymentsConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public PaymentRepository payments() {
        return payments;
    }

    public AgreementRepository agreements() {
        return agreements;
    }

    public RefundRepository refunds() {
        return refunds;
    }

    public AxervePaymentGateway paymentGateway() {
        return paymentGateway;
    }

    public AxerveRecurringGateway recurringGateway() {
        return recurringGateway;
    }

    /**
     * For the storefront routes' handlers (their constructor, i.e. init): the key is required there, not read.
     *
     * @throws com.axpay.kit.config.ConfigurationException when the function was given no storefront key
     */
    public StorefrontAuth storefrontAuth() {
        config.requireStorefrontApiKey();
        return storefrontAuth;
    }

    /** The secrets a handler calling Axerve reads before its work (so a refusal comes before any side effect). */
    public List<Secret> axerveSecrets() {
        return config.axerveSecrets();
    }

    /**
     * Before a SnapStart snapshot, the same for every function: what the function's own handler priming
     * ({@link HandlerPriming}, run next on a stage of loopback stand-ins) cannot do for the real clients.
     * <ul>
     *   <li>for a function that calls Axerve (it is given the apikey), the real SOAP client's JAXB contexts, Services
     *   and Dispatches, and all eight operations' request path inside the JVM (nothing is sent to Axerve);</li>
     *   <li>on the real table, through the real client: reads of a payment, an agreement and a shopTransactionId no
     *   one has, the open-state and due-index queries with a cutoff no item is older than (they find nothing), and
     *   both kinds of payment write (a transaction with its outbox item, a plain put) under a condition no item can
     *   meet (version -1), so the connection is open and the SDK's conditional-failure path, which the stage's table
     *   never takes, is loaded: nothing is written.</li>
     * </ul>
     * No secret is read.
     */
    public Primed prime() {
        // a function given no Axerve apikey never calls Axerve: its snapshot and init carry no SOAP stack
        AxerveClient.Primed soap = config.apikey() == null ? null : axerve.prime();
        boolean reads = payments.findById(PRIMING_KEY).isEmpty()
                & payments.findByShopTransactionId(PRIMING_KEY).isEmpty()
                & agreements.findById(PRIMING_KEY).isEmpty();
        // the index queries of the reconciler and the schedule, with a cutoff no item is older than: nothing found
        reads &= payments.findStale(PaymentState.PENDING, Instant.EPOCH, 1).isEmpty()
                & payments.findStaleOperations(Instant.EPOCH, 1).isEmpty()
                & refunds.findPending(Instant.EPOCH, 1).isEmpty()
                & agreements.findDue(0, Instant.EPOCH, null, 1).agreementIds().isEmpty();
        Payment sample = primingPayment(clock.instant());
        boolean writesRefused = payments.update(sample, -1, Set.of(PaymentState.REDIRECTED))
                instanceof PaymentRepository.Lost
                & payments.update(sample, -1, Set.of(PaymentState.REDIRECTED, PaymentState.PENDING))
                instanceof PaymentRepository.Lost;
        return new Primed(soap, reads, writesRefused, null);
    }

    /**
     * After a SnapStart restore: one read of a payment no one has, so the DynamoDB client's connection is open
     * again before the first invocation (the snapshot's sockets do not survive a restore). Nothing is written.
     */
    public void reconnect() {
        payments.findById(PRIMING_KEY);
    }

    /** A captured payment under {@link #PRIMING_KEY}, shaped like a real one; never stored. */
    private static Payment primingPayment(Instant now) {
        return Payment.builder().paymentId(PRIMING_KEY).orderId(PRIMING_KEY).shopTransactionId(PRIMING_KEY)
                .amount(new BigDecimal("1.00")).currency("EUR").state(PaymentState.CAPTURED)
                .returnUrl("https://priming.invalid/return").redirectUrl("https://priming.invalid/pay")
                .customInfo(Map.of("ORDER", PRIMING_KEY)).createdAt(now).updatedAt(now).resolvedAt(now)
                .refundedAmount(BigDecimal.ZERO).refundReserved(BigDecimal.ZERO).build();
    }

    /**
     * What priming exercised: the SOAP calls it parsed (null for a function that does not call Axerve), whether the
     * DynamoDB reads completed (found nothing), whether both conditional writes were refused (wrote nothing), and
     * what the function's own handler answered in its priming ({@link HandlerPriming}; null when skipped).
     */
    public record Primed(AxerveClient.Primed soap, boolean dynamoDbRead, boolean dynamoDbWritesRefused,
                         HandlerPriming.Result handler) {

        /** The same, with the function's own handler's priming (null when skipped). */
        public Primed withHandler(HandlerPriming.Result result) {
            return new Primed(soap, dynamoDbRead, dynamoDbWritesRefused, result);
        }
    }

    @Override
    public void close() {
        dynamoDb.close();
    }
}
