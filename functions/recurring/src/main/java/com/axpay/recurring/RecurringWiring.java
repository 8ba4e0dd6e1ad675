package com.axpay.recurring;

import com.axpay.core.agreement.DunningPolicy;
import com.axpay.core.port.AgreementRepository;
import com.axpay.core.port.ChargeQueue;
import com.axpay.core.port.IdGenerator;
import com.axpay.core.port.PaymentRepository;
import com.axpay.core.port.RecurringGateway;
import com.axpay.core.usecase.CancelAgreement;
import com.axpay.core.usecase.ChargeCycle;
import com.axpay.core.usecase.ChargeProcessor;
import com.axpay.core.usecase.ChargeUpsell;
import com.axpay.core.usecase.PayWithOrderReference;
import com.axpay.core.usecase.ResumeAgreement;
import com.axpay.core.usecase.ScheduleDueCharges;
import com.axpay.gateway.axerve.AxerveRules;
import com.axpay.kit.FunctionRoot;
import com.axpay.kit.config.ConfigurationException;
import com.axpay.kit.config.PaymentsConfig;
import com.axpay.kit.config.Secret;
import com.axpay.kit.http.StorefrontAuth;
import com.axpay.recurring.queue.SqsChargeQueue;
import com.axpay.store.dynamodb.DynamoDbAgreementRepository;
import com.axpay.store.dynamodb.DynamoDbPaymentRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the recurring handlers use, built once per process: the payments configuration (same environment as the
 * payment functions), the agreement store, Axerve's WSs2s, the charge queue, the dunning policy and the clock.
 * Tests and the local stack build it with their own clock and queue.
 */
public final class RecurringWiring implements AutoCloseable {

    /** Comma-separated ISO-8601 durations between soft-declined tries, e.g. "P3D,P3D,P3D". */
    public static final String ENV_DUNNING = "DUNNING_RETRY_DELAYS";
    /** URL of the SQS queue the schedule feeds and the worker consumes. */
    public static final String ENV_QUEUE_URL = "CHARGE_QUEUE_URL";
    /** Endpoint override of SQS (the local stack's ElasticMQ). */
    public static final String ENV_SQS_ENDPOINT = "SQS_ENDPOINT";
    /** Margin over the Axerve call budget before a SUBMITTING charge is presumed abandoned. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(10);

    private final FunctionRoot root;
    private final PaymentsConfig config;
    private final Clock clock;
    private final DynamoDbClient dynamoDb;
    private final AgreementRepository agreements;
    private final PaymentRepository payments;
    private final RecurringGateway gateway;
    private final ChargeQueue queue;
    private final DunningPolicy dunning;
    private final StorefrontAuth storefrontAuth;

    /** On the process's root: its clients, clock, settings and observed Axerve gateway. */
    public RecurringWiring(FunctionRoot root, ChargeQueue queue, DunningPolicy dunning) {
        this(root, root.config(), root.clock(), root.dynamoDb(), root.agreements(), root.payments(),
                root.recurringGateway(), queue, dunning);
    }

    /** With a gateway of the caller's (the benchmark's and the queue test's harness); priming then skips Axerve. */
    public RecurringWiring(PaymentsConfig config, Clock clock, DynamoDbClient dynamoDb, RecurringGateway gateway,
                           ChargeQueue queue, DunningPolicy dunning) {
        this(null, config, clock, dynamoDb, new DynamoDbAgreementRepository(dynamoDb, config.store().paymentsTable()),
                new DynamoDbPaymentRepository(dynamoDb, config.store().paymentsTable()), gateway, queue, dunning);
    }

    private RecurringWiring(FunctionRoot root, PaymentsConfig config, Clock clock, DynamoDbClient dynamoDb,
                            AgreementRepository agreements, PaymentRepository payments, RecurringGateway gateway,
                            ChargeQueue queue, DunningPolicy dunning) {
        this.root = root;
        this.config = Objects.requireNonNull(config);
        this.clock = Objects.requireNonNull(clock);
        this.dynamoDb = Objects.requireNonNull(dynamoDb);
        this.agreements = Objects.requireNonNull(agreements);
        this.payments = Objects.requireNonNull(payments);
        this.gateway = Objects.requireNonNull(gateway);
        this.queue = Objects.requireNonNull(queue);
        this.dunning = Objects.requireNonNull(dunning);
        this.storefrontAuth = StorefrontAuth.ofNullable(config.storefrontApiKey());
    }

    public static RecurringWiring fromEnvironment(Map<String, String> env) {
        return fromEnvironment(FunctionRoot.fromEnvironment(env), env);
    }

    /** The recurring use cases of a process on its root, with the queue and dunning settings of {@code env}. */
    public static RecurringWiring fromEnvironment(FunctionRoot root, Map<String, String> env) {
        // only the schedule enqueues: the other functions get no queue URL and no permission to send
        ChargeQueue queue = env.containsKey(ENV_QUEUE_URL) ? SqsChargeQueue.fromEnvironment(env) : messages -> {
            throw new IllegalStateException(ENV_QUEUE_URL + " is not set: this function does not enqueue charges");
        };
        return new RecurringWiring(root, queue, dunning(env.get(ENV_DUNNING)));
    }

    /** A bad value fails INIT with a message naming the variable (the deployer sees it in the init error). */
    static DunningPolicy dunning(String value) {
        try {
            return DunningPolicy.parse(value);
        } catch (RuntimeException e) {
            throw new ConfigurationException(ENV_DUNNING + " must be comma-separated ISO-8601 durations such as "
                    + "P3D,P3D,P3D, got '" + value + "'");
        }
    }

    /** Real DynamoDB and Axerve clients from the configuration, with the given clock and queue. */
    public static RecurringWiring create(PaymentsConfig config, Clock clock, ChargeQueue queue, DunningPolicy dunning) {
        return new RecurringWiring(FunctionRoot.create(config, clock), queue, dunning);
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

    /** The function's settings (its secrets for the SnapStart hooks). */
    public PaymentsConfig config() {
        return config;
    }

    public AgreementRepository agreements() {
        return agreements;
    }

    public Clock clock() {
        return clock;
    }

    public ChargeProcessor chargeProcessor() {
        return new ChargeProcessor(agreements, gateway, dunning, clock, callBudget().plus(LEASE_MARGIN));
    }

    public ScheduleDueCharges schedule() {
        return new ScheduleDueCharges(agreements, queue, clock);
    }

    public ChargeCycle chargeCycle() {
        return new ChargeCycle(agreements, chargeProcessor());
    }

    public ChargeUpsell upsell() {
        return new ChargeUpsell(agreements, chargeProcessor());
    }

    public CancelAgreement cancel() {
        return new CancelAgreement(agreements, gateway, chargeProcessor(), clock);
    }

    public ResumeAgreement resume() {
        return new ResumeAgreement(agreements, clock);
    }

    public PayWithOrderReference widgetPayment() {
        return new PayWithOrderReference(payments, gateway, AxerveRules.supportedCurrencies(), clock,
                IdGenerator.random(), callBudget().plus(LEASE_MARGIN), agreements);
    }

    private Duration callBudget() {
        return config.connectTimeout().plus(config.readTimeout());
    }

    /** Before a SnapStart snapshot: the process's one priming ({@link FunctionRoot#prime()}). */
    public FunctionRoot.Primed prime() {
        if (root != null) {
            return root.prime();
        }
        return new FunctionRoot.Primed(null, agreements.findById(FunctionRoot.PRIMING_KEY).isEmpty(), false, null);
    }

    @Override
    public void close() {
        dynamoDb.close();
    }
}
