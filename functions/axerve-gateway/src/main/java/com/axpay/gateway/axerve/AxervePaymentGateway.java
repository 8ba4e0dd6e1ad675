package com.axpay.gateway.axerve;

import com.axpay.core.domain.Amounts;
import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.PaymentGateway;
import com.axpay.soap.AxerveClient;
import com.axpay.soap.AxerveDeclinedException;
import com.axpay.soap.AxerveException;
import com.axpay.soap.AxerveResult;
import com.axpay.soap.EncryptRequest;
import com.axpay.soap.EncryptResult;
import com.axpay.soap.UicCurrency;

import java.util.Objects;

/** Core's {@link PaymentGateway} on Axerve's SOAP services, Amazon Pay only. Thread-safe: share one per process. */
public final class AxervePaymentGateway implements PaymentGateway {

    static final String AMAZON_PAY = "AMAZONPAY";

    private final AxerveClient client;

    public AxervePaymentGateway(AxerveClient client) {
        this.client = Objects.requireNonNull(client);
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
            EncryptResult encrypted = client.encrypt(b.build());
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
            return OutcomeMapper.toOutcome(client.decrypt(encryptedString));
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
            return OutcomeMapper.toOutcome(client.callReadTrxS2S(shopTransactionId, null));
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
}
