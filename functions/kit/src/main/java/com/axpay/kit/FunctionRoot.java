package com.axpay.kit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.port.AgreementRepository;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.port.RefundRepository;
import com.axpay.gateway.axerve.AxervePaymentGateway;
import com.axpay.gateway.axerve.AxerveRecurringGateway;
import com.axpay.kit.config.LambdaSecretSource;
import com.axpay.kit.handler.EventJson;
import com.axpay.kit.config.LocalClock;
import com.axpay.kit.config.PaymentsConfig;
import com.axpay.kit.config.Secret;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.PaymentJson;
import com.axpay.kit.http.RequestBody;
import com.axpay.kit.http.Requests;
import com.axpay.kit.http.StorefrontAuth;
import com.axpay.kit.priming.LoopbackDynamoDb;
import com.axpay.kit.priming.LoopbackJsonEndpoint;
import com.axpay.kit.priming.HandlerPriming;
import com.axpay.kit.log.AxerveMetrics;
import com.axpay.soap.AxerveClient;
import com.axpay.soap.AxerveConfig;
import com.axpay.store.dynamodb.DynamoDbAgreementRepository;
import com.axpay.store.dynamodb.DynamoDbClients;
import com.axpay.store.dynamodb.DynamoDbPaymentRepository;
import com.axpay.store.dynamodb.DynamoDbRefundRepository;
import com.axpay.store.dynamodb.StoreConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
    private final DynamoDbPaymentRepository payments;
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
     * Before a SnapStart snapshot, the same for every function: the first request's path without its side effects.
     * <ul>
     *   <li>for a function that calls Axerve (it is given the apikey), the SOAP client's request path run inside the
     *   JVM (JAXB contexts, Dispatches, marshalling, parsing of canned answers; nothing is sent to Axerve);</li>
     *   <li>DynamoDB reads of a payment, an agreement and a shopTransactionId no one has, the open-state and due-index
     *   queries with a cutoff no item is older than (they find nothing), and both kinds of payment
     *   write (a transaction with its outbox item, a plain put) under a condition no item can meet (version -1), so
     *   the SDK's read, write and conditional-failure paths are loaded: nothing is written; the payment item's mapping
     *   both ways, as a read that finds one runs it; then the SDK's success paths (a claim, an update, a found item and
     *   a query page) against a loopback endpoint ({@link #primeSuccessPaths});</li>
     *   <li>an API Gateway event, a schedule's tick and an SQS batch read as Lambda delivers them, a request body read,
     *   and a payment answered as the storefront gets it ({@link EventJson}, the handlers' stream entry points).</li>
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
        Payment sample = payments.asStored(primingPayment(clock.instant()));
        boolean writesRefused = payments.update(sample, -1, Set.of(PaymentState.REDIRECTED))
                instanceof PaymentRepository.Lost
                & payments.update(sample, -1, Set.of(PaymentState.REDIRECTED, PaymentState.PENDING))
                instanceof PaymentRepository.Lost;
        boolean successPaths = primeSuccessPaths(sample);
        primeEventJson(sample);
        return new Primed(soap, reads, writesRefused, successPaths, null);
    }

    /**
     * The SDK's success paths, which the real table cannot give priming without a write: a payment claimed (a
     * transaction), updated (a conditional put), read and found by the open-state query, through a client of the
     * same settings whose endpoint answers on the loopback interface ({@link LoopbackDynamoDb}). Skipped (false)
     * where no loopback port can be bound or no region is known.
     */
    private boolean primeSuccessPaths(Payment sample) {
        String region = config.store().region();
        if (region == null) {
            return false; // a client with an endpoint needs a region; Lambda always sets AWS_REGION
        }
        LoopbackDynamoDb answers = new LoopbackDynamoDb();
        try (LoopbackJsonEndpoint loopback = LoopbackJsonEndpoint.start(answers::answer);
             DynamoDbClient local = DynamoDbClients.create(new StoreConfig(config.store().paymentsTable(),
                     loopback.endpoint(), region))) {
            DynamoDbPaymentRepository repo = new DynamoDbPaymentRepository(local, config.store().paymentsTable());
            Payment open = sample.toBuilder().state(PaymentState.PENDING).resolvedAt(null).build();
            return repo.claim(open) instanceof PaymentRepository.Claimed
                    & repo.update(sample, sample.version(), Set.of(sample.state())) instanceof PaymentRepository.Applied
                    & repo.findById(sample.paymentId()).isPresent()
                    & repo.claim(open.toBuilder().paymentId(PRIMING_KEY + "-open").build())
                    instanceof PaymentRepository.Claimed
                    & !repo.findStale(PaymentState.PENDING, clock.instant().plusSeconds(1), 1).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * After a SnapStart restore: one read of a payment no one has, so the DynamoDB client's connection is open
     * again before the first invocation (the snapshot's sockets do not survive a restore). Nothing is written.
     */
    public void reconnect() {
        payments.findById(PRIMING_KEY);
    }

    private static void primeEventJson(Payment sample) {
        try {
            APIGatewayV2HTTPEvent request = EventJson.httpEvent(new ByteArrayInputStream(PRIMING_API_EVENT));
            RequestBody.object(request, false);
            Requests.pathParameter(request, "paymentId");
            Requests.header(request, "Authorization");
            EventJson.write(HttpResponses.json(200, PaymentJson.full(sample)), OutputStream.nullOutputStream());
            EventJson.scheduledEvent(new ByteArrayInputStream(PRIMING_TICK));
            EventJson.writeValue(Map.of("examined", 0), OutputStream.nullOutputStream());
            SQSEvent batch = EventJson.sqsEvent(new ByteArrayInputStream(PRIMING_SQS_EVENT));
            EventJson.write(new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure(
                    batch.getRecords().getFirst().getMessageId()))), OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A storefront request as API Gateway delivers it (payload 2.0), for the event path only: never handled. */
    private static final byte[] PRIMING_API_EVENT = ("{\"version\":\"2.0\",\"routeKey\":\"POST /payments\","
            + "\"rawPath\":\"/payments\",\"rawQueryString\":\"\",\"headers\":{\"content-type\":\"application/json\","
            + "\"user-agent\":\"priming\"},\"requestContext\":{\"accountId\":\"000000000000\",\"apiId\":\"priming\","
            + "\"domainName\":\"priming.invalid\",\"http\":{\"method\":\"POST\",\"path\":\"/payments\","
            + "\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"127.0.0.1\",\"userAgent\":\"priming\"},\"requestId\":\"priming\","
            + "\"routeKey\":\"POST /payments\",\"stage\":\"$default\",\"time\":\"01/Jan/2026:00:00:00 +0000\","
            + "\"timeEpoch\":0},\"pathParameters\":{\"paymentId\":\"" + PRIMING_KEY + "\"},"
            + "\"body\":\"{\\\"orderId\\\":\\\"priming\\\",\\\"amount\\\":\\\"1.00\\\",\\\"currency\\\":\\\"EUR\\\"}\","
            + "\"isBase64Encoded\":false}").getBytes(StandardCharsets.UTF_8);

    /** A schedule's tick as EventBridge delivers it: never handled. */
    private static final byte[] PRIMING_TICK = ("{\"version\":\"0\",\"id\":\"priming\",\"detail-type\":"
            + "\"Scheduled Event\",\"source\":\"aws.events\",\"account\":\"000000000000\",\"time\":"
            + "\"2026-01-01T00:00:00Z\",\"region\":\"eu-south-1\",\"resources\":[\"arn:aws:events:eu-south-1:"
            + "000000000000:rule/priming\"],\"detail\":{}}").getBytes(StandardCharsets.UTF_8);

    /** A batch of one message as Lambda's SQS event source delivers it: never handled. */
    private static final byte[] PRIMING_SQS_EVENT = ("{\"Records\":[{\"messageId\":\"priming\",\"receiptHandle\":\"priming\","
            + "\"body\":\"{}\",\"attributes\":{\"ApproximateReceiveCount\":\"1\"},\"messageAttributes\":{},"
            + "\"md5OfBody\":\"99914b932bd37a50b983c5e7c90ae93b\",\"eventSource\":\"aws:sqs\","
            + "\"eventSourceARN\":\"arn:aws:sqs:eu-south-1:000000000000:priming\",\"awsRegion\":\"eu-south-1\"}]}")
            .getBytes(StandardCharsets.UTF_8);

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
     * whether the success paths ran against the loopback endpoint; and what the function's own handler answered in
     * its priming ({@link HandlerPriming}; null when skipped).
     */
    public record Primed(AxerveClient.Primed soap, boolean dynamoDbRead, boolean dynamoDbWritesRefused,
                         boolean dynamoDbSuccessPaths, HandlerPriming.Result handler) {

        /** The same, with the function's own handler's priming (null when skipped). */
        public Primed withHandler(HandlerPriming.Result result) {
            return new Primed(soap, dynamoDbRead, dynamoDbWritesRefused, dynamoDbSuccessPaths, result);
        }
    }

    @Override
    public void close() {
        dynamoDb.close();
    }
}
