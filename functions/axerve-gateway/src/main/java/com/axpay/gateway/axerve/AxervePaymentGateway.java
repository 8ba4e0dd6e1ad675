package com.axpay.gateway.axerve;

import com.axpay.core.domain.Amounts;
import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.PaymentGateway;
import com.axpay.core.port.PaymentOperationsGateway;
import com.axpay.soap.AxerveClient;
import com.axpay.soap.AxerveDeclinedException;
import com.axpay.soap.AxerveException;
import com.axpay.soap.AxerveResult;
import com.axpay.soap.DeleteRequest;
import com.axpay.soap.RefundRequest;
import com.axpay.soap.SettleRequest;
import com.axpay.soap.EncryptRequest;
import com.axpay.soap.EncryptResult;
import com.axpay.soap.UicCurrency;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Core's {@link PaymentGateway} and {@link PaymentOperationsGateway} on Axerve's SOAP services, Amazon Pay only.
 * Thread-safe: share one per process.
 */
public final class AxervePaymentGateway implements PaymentGateway, PaymentOperationsGateway {

    static final String AMAZON_PAY = "AMAZONPAY";

    private final AxerveClient client;
    private final AxerveCallObserver observer;

    public AxervePaymentGateway(AxerveClient client) {
        this(client, AxerveCallObserver.NONE);
    }

    public AxervePaymentGateway(AxerveClient client, AxerveCallObserver observer) {
        this.client = Objects.requireNonNull(client);
        this.observer = Objects.requireNonNull(observer);
    }

    /**
     * Loads the SOAP client's Metro and JAXB machinery and runs its request path inside the JVM, then maps a
     * parsed answer to an outcome as a real call would, without calling Axerve (SnapStart priming).
     */
    public AxerveClient.Primed prime() {
        return client.prime();
    }

    /** The shop login every call is made for (the {@code a} parameter Axerve sends back). */
    public String shopLogin() {
        return client.config().shopLogin();
    }

    @Override
    public HostedPayment startHostedPayment(HostedPaymentRequest request) {
        UicCurrency currency = UicCurrency.fromIso(request.currency()).orElseThrow(() -> new GatewayException(
                GatewayException.Kind.INVALID_REQUEST, null, false, "currency " + request.currency()
                + " has no UIC code"));
        EncryptRequest.Builder b = EncryptRequest.builder()
                .uicCode(currency.uic())
                .amount(Amounts.format(request.amount()))
                .shopTransactionId(request.shopTransactionId())
                .paymentType(AMAZON_PAY)
                .customInfo(request.customInfo())
                .amazonPayBillingAgreementDescription(request.billingAgreementDescription());
        if (request.buyer() != null) {
            b.buyerName(request.buyer().name()).buyerEmail(request.buyer().email());
        }
        Integer languageId = LanguageIds.of(request.language());
        if (languageId != null) {
            b.languageId(languageId);
        }
        try {
            EncryptRequest encrypt = b.build();
            EncryptResult encrypted = timed("Encrypt", request.shopTransactionId(), () -> client.encrypt(encrypt));
            return new HostedPayment(encrypted.cryptDecryptString(),
                    client.paymentPageUrl(encrypted.cryptDecryptString()).toString());
        } catch (AxerveException e) {
            throw GatewayErrors.toGatewayException(e);
        }
    }

    @Override
    public GatewayOutcome decrypt(String shopLogin, String encryptedString) {
        if (!shopLogin().equals(shopLogin)) {
            throw new GatewayException(GatewayException.Kind.INVALID_REQUEST, null, false,
                    "result string for another shop");
        }
        try {
            return OutcomeMapper.toOutcome(timed("Decrypt", null, () -> client.decrypt(encryptedString)));
        } catch (AxerveException e) {
            throw GatewayErrors.toGatewayException(e);
        } catch (IllegalArgumentException blank) {
            throw new GatewayException(GatewayException.Kind.INVALID_REQUEST, null, false, "empty result string");
        }
    }

    /** A negative transaction is data here, not a failure: its KO is the transaction's own outcome. */
    @Override
    public GatewayOutcome queryTransaction(String shopTransactionId) {
        try {
            return OutcomeMapper.toOutcome(timed("callReadTrxS2S", shopTransactionId,
                    () -> client.callReadTrxS2S(shopTransactionId, null)));
        } catch (AxerveDeclinedException e) {
            AxerveResult ko = e.result();
            if (ko != null && ko.namesTransaction()) {
                return OutcomeMapper.toOutcome(ko);
            }
            throw GatewayErrors.toGatewayException(e);
        } catch (AxerveException e) {
            throw GatewayErrors.toGatewayException(e);
        }
    }

    @Override
    public void refund(String shopTransactionId, String bankTransactionId, BigDecimal amount, String currency,
                       String reason) {
        try {
            RefundRequest refund = RefundRequest.builder().uicCode(uic(currency)).amount(Amounts.format(amount))
                    .shopTransactionId(shopTransactionId).bankTransactionId(bankTransactionId).refundReason(reason)
                    .build();
            timed("callRefundS2S", shopTransactionId, () -> client.callRefundS2S(refund));
        } catch (AxerveException e) {
            throw GatewayErrors.toGatewayException(e);
        }
    }

    @Override
    public void cancel(String shopTransactionId, String bankTransactionId, String reason) {
        try {
            DeleteRequest delete = DeleteRequest.builder().shopTransactionId(shopTransactionId)
                    .bankTransactionId(bankTransactionId).cancelReason(reason).build();
            timed("callDeleteS2S", shopTransactionId, () -> client.callDeleteS2S(delete));
        } catch (AxerveException e) {
            throw GatewayErrors.toGatewayException(e);
        }
    }

    @Override
    public void capture(String shopTransactionId, String bankTransactionId, BigDecimal amount, String currency) {
        try {
            SettleRequest settle = SettleRequest.builder().uicCode(uic(currency)).amount(Amounts.format(amount))
                    .shopTransactionId(shopTransactionId).bankTransactionId(bankTransactionId).build();
            timed("callSettleS2S", shopTransactionId, () -> client.callSettleS2S(settle));
        } catch (AxerveException e) {
            throw GatewayErrors.toGatewayException(e);
        }
    }

    /** The sum of the transaction's refund events (STO), as callReadTrxS2S lists them. */
    @Override
    public BigDecimal refundedTotal(String shopTransactionId) {
        AxerveResult r;
        try {
            r = timed("callReadTrxS2S", shopTransactionId, () -> client.callReadTrxS2S(shopTransactionId, null));
        } catch (AxerveException e) {
            throw GatewayErrors.toGatewayException(e);
        }
        BigDecimal total = BigDecimal.ZERO;
        for (AxerveResult.Event e : r.events()) {
            if ("STO".equalsIgnoreCase(e.type()) && e.amount() != null && !e.amount().isBlank()) {
                total = total.add(Amounts.parse(e.amount()));
            }
        }
        return Amounts.exact(total);
    }

    private <T> T timed(String operation, String shopTransactionId, Supplier<T> call) {
        return observer.observe(operation, shopTransactionId, call);
    }

    private static String uic(String isoCurrency) {
        return UicCurrency.fromIso(isoCurrency).orElseThrow(() -> new GatewayException(
                GatewayException.Kind.INVALID_REQUEST, null, false, "currency " + isoCurrency + " has no UIC code"))
                .uic();
    }
}
