package com.axpay.payments;

import com.axpay.core.domain.Payment;
import com.axpay.core.port.AgreementRepository;
import com.axpay.core.port.IdGenerator;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.port.RefundRepository;
import com.axpay.core.usecase.ActivateAgreement;
import com.axpay.core.usecase.CancelPayment;
import com.axpay.core.usecase.CapturePayment;
import com.axpay.core.usecase.GetPayment;
import com.axpay.core.usecase.HandleBrowserReturn;
import com.axpay.core.usecase.HandleGatewayNotification;
import com.axpay.core.usecase.ReconcileStalePayments;
import com.axpay.core.usecase.RefundPayment;
import com.axpay.core.usecase.StartPayment;
import com.axpay.core.validation.StartPaymentValidator;
import com.axpay.gateway.axerve.AxervePaymentGateway;
import com.axpay.gateway.axerve.AxerveRules;
import com.axpay.payments.config.LambdaSecretSource;
import com.axpay.payments.config.LocalClock;
import com.axpay.payments.config.PaymentsConfig;
import com.axpay.payments.config.Secret;
import com.axpay.payments.http.StorefrontAuth;
import com.axpay.payments.log.AxerveMetrics;
import com.axpay.soap.AxerveClient;
import com.axpay.soap.AxerveConfig;
import com.axpay.store.dynamodb.DynamoDbAgreementRepository;
import com.axpay.store.dynamodb.DynamoDbClients;
import com.axpay.store.dynamodb.DynamoDbPaymentRepository;
import com.axpay.store.dynamodb.DynamoDbRefundRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything the handlers use, built once: the DynamoDB client, the Axerve SOAP client (JAXB context, Metro
 * dispatches), the use cases and the storefront credential. Handlers get it from {@link ProcessWiring} in Lambda and
 * directly in tests and the local stack.
 */
public final class PaymentsWiring implements AutoCloseable {

    /** Open payments each reconciler run examines per state; the schedule's next tick takes the rest. */
    static final int RECONCILE_BATCH = 100;
    /** Margin over the Axerve call budget before a duplicate request may resume a claim still waiting on Encrypt. */
    static final Duration ENCRYPT_LEASE_MARGIN = Duration.ofSeconds(5);

    private final PaymentsConfig config;
    private final Clock clock;
    private final DynamoDbClient dynamoDb;
    private final PaymentRepository payments;
    private final AgreementRepository agreements;
    private final RefundRepository refunds;
    private final AxervePaymentGateway gateway;
    private final StorefrontAuth storefrontAuth;

    private PaymentsWiring(PaymentsConfig config, Clock clock, DynamoDbClient dynamoDb, AxervePaymentGateway gateway) {
        this.config = Objects.requireNonNull(config);
        this.clock = Objects.requireNonNull(clock);
        this.dynamoDb = dynamoDb;
        this.payments = new DynamoDbPaymentRepository(dynamoDb, config.store().paymentsTable());
        this.agreements = new DynamoDbAgreementRepository(dynamoDb, config.store().paymentsTable());
        this.refunds = new DynamoDbRefundRepository(dynamoDb, config.store().paymentsTable());
        this.gateway = gateway;
        this.storefrontAuth = config.storefrontApiKey() == null ? null : new StorefrontAuth(config.storefrontApiKey());
    }

    /** Reads and validates the environment (secrets through the Lambda extension) and builds the clients. */
    public static PaymentsWiring fromEnvironment(Map<String, String> env) {
        return create(PaymentsConfig.fromEnvironment(env, LambdaSecretSource.fromEnvironment(env)),
                LocalClock.fromEnvironment(env));
    }

    public static PaymentsWiring create(PaymentsConfig config, Clock clock) {
        AxerveClient axerve = AxerveClient.create(AxerveConfig.builder()
                .environment(config.axerveEnvironment())
                .shopLogin(config.shopLogin())
                .apikey(apikeySupplier(config))
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .build());
        return new PaymentsWiring(config, clock, DynamoDbClients.create(config.store()),
                new AxervePaymentGateway(axerve, new AxerveMetrics()));
    }

    /** The same clients with another clock (tests move time forward for the reconciler). */
    public PaymentsWiring withClock(Clock other) {
        return new PaymentsWiring(config, other, dynamoDb, gateway);
    }

    public PaymentsConfig config() {
        return config;
    }

    /**
     * For the storefront routes' handlers (their constructor, i.e. init): the key is required there, not read.
     *
     * @throws com.axpay.payments.config.ConfigurationException when the function was given no storefront key
     */
    public StorefrontAuth storefrontAuth() {
        config.requireStorefrontApiKey();
        return storefrontAuth;
    }

    /** The secrets a handler calling Axerve reads before its work (so a refusal comes before any side effect). */
    public List<Secret> axerveSecrets() {
        return config.axerveSecrets();
    }

    /** The Axerve apikey as the SOAP client asks for it: the secret's current value at each call; null if none. */
    public static Supplier<String> apikeySupplier(PaymentsConfig config) {
        Secret apikey = config.apikey();
        return apikey == null ? null : apikey::value;
    }

    public StartPayment startPayment() {
        StartPaymentValidator validator = new StartPaymentValidator(AxerveRules.supportedCurrencies(),
                config.returnUrls(), AxerveRules.forbiddenInCustomInfo());
        return new StartPayment(payments, gateway, validator, clock, IdGenerator.random(),
                config.connectTimeout().plus(config.readTimeout()).plus(ENCRYPT_LEASE_MARGIN), agreements);
    }

    public GetPayment getPayment() {
        return new GetPayment(payments);
    }

    public HandleBrowserReturn browserReturn() {
        return new HandleBrowserReturn(payments, gateway, config.shopLogin());
    }

    public HandleGatewayNotification notification() {
        return new HandleGatewayNotification(payments, gateway, config.shopLogin(), clock,
                new ActivateAgreement(agreements, clock));
    }

    public ReconcileStalePayments reconciler() {
        return new ReconcileStalePayments(payments, gateway, clock, config.reconcileAfter(),
                config.reconcileMaxAttempts(), RECONCILE_BATCH, operationLease(), refundPayment());
    }

    public RefundPayment refundPayment() {
        return new RefundPayment(payments, refunds, gateway, gateway, clock, operationLease());
    }

    public CancelPayment cancelPayment() {
        return new CancelPayment(payments, gateway, gateway, clock, operationLease());
    }

    public CapturePayment capturePayment() {
        return new CapturePayment(payments, gateway, gateway, clock, operationLease());
    }

    /** How long a refund, capture or cancel sent to Axerve may still land there: the call's budget and a margin. */
    private Duration operationLease() {
        return config.connectTimeout().plus(config.readTimeout()).plus(ENCRYPT_LEASE_MARGIN);
    }

    /**
     * Before a SnapStart snapshot: the SOAP client's request path run inside the JVM (JAXB contexts, Dispatches,
     * marshalling, parsing of canned answers; nothing is sent to Axerve) and one DynamoDB read so the SDK's request
     * path is loaded and compiled (nothing is written). No secret is read.
     */
    public Primed prime() {
        AxerveClient.Primed soap = gateway.prime();
        Optional<Payment> read = payments.findById(PRIMING_KEY);
        return new Primed(soap, read.isEmpty());
    }

    /** The id priming reads: no payment or agreement has it (ids are generated UUIDs). */
    public static final String PRIMING_KEY = "priming-read";

    /** What priming exercised: the SOAP calls it parsed, and whether the DynamoDB read completed (found nothing). */
    public record Primed(AxerveClient.Primed soap, boolean dynamoDbRead) {
    }

    @Override
    public void close() {
        dynamoDb.close();
    }
}
