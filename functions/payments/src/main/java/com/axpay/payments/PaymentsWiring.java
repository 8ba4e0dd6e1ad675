package com.axpay.payments;

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
import com.axpay.kit.FunctionRoot;
import com.axpay.kit.config.PaymentsConfig;
import com.axpay.kit.config.Secret;
import com.axpay.kit.http.StorefrontAuth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The payment functions' use cases, built on the process's {@link FunctionRoot} (its DynamoDB and Axerve clients,
 * clock and settings). Handlers get it from {@link ProcessWiring} in Lambda and directly in tests and the local stack.
 */
public final class PaymentsWiring implements AutoCloseable {

    /** Open payments each reconciler run examines per state; the schedule's next tick takes the rest. */
    static final int RECONCILE_BATCH = 100;
    /** Margin over the Axerve call budget before a duplicate request may resume a claim still waiting on Encrypt. */
    static final Duration ENCRYPT_LEASE_MARGIN = Duration.ofSeconds(5);

    private final FunctionRoot root;
    private final PaymentsConfig config;
    private final Clock clock;
    private final PaymentRepository payments;
    private final AgreementRepository agreements;
    private final RefundRepository refunds;
    private final AxervePaymentGateway gateway;

    public PaymentsWiring(FunctionRoot root) {
        this.root = Objects.requireNonNull(root);
        this.config = root.config();
        this.clock = root.clock();
        this.payments = root.payments();
        this.agreements = root.agreements();
        this.refunds = root.refunds();
        this.gateway = root.paymentGateway();
    }

    /** Reads and validates the environment (secrets are only located) and builds the clients. */
    public static PaymentsWiring fromEnvironment(Map<String, String> env) {
        return new PaymentsWiring(FunctionRoot.fromEnvironment(env));
    }

    public static PaymentsWiring create(PaymentsConfig config, Clock clock) {
        return new PaymentsWiring(FunctionRoot.create(config, clock));
    }

    /** The same clients with another clock (tests move time forward for the reconciler). */
    public PaymentsWiring withClock(Clock other) {
        return new PaymentsWiring(root.withClock(other));
    }

    public FunctionRoot root() {
        return root;
    }

    public PaymentsConfig config() {
        return config;
    }

    /**
     * For the storefront routes' handlers (their constructor, i.e. init): the key is required there, not read.
     *
     * @throws com.axpay.kit.config.ConfigurationException when the function was given no storefront key
     */
    public StorefrontAuth storefrontAuth() {
        return root.storefrontAuth();
    }

    /** The secrets a handler calling Axerve reads before its work (so a refusal comes before any side effect). */
    public List<Secret> axerveSecrets() {
        return root.axerveSecrets();
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

    /** Before a SnapStart snapshot: the process's one priming ({@link FunctionRoot#prime()}). */
    public FunctionRoot.Primed prime() {
        return root.prime();
    }

    @Override
    public void close() {
        root.close();
    }
}
