package com.axpay.gateway.axerve;

import com.axpay.core.domain.Amounts;
import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.RecurringGateway;
import com.axpay.soap.AxerveClient;
import com.axpay.soap.AxerveDeclinedException;
import com.axpay.soap.AxerveException;
import com.axpay.soap.AxerveResult;
import com.axpay.soap.PagamRequest;
import com.axpay.soap.UicCurrency;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Core's {@link RecurringGateway} on Axerve's WSs2s: token charges and custom-widget payments with callPagamS2S
 * (paymentType AMAZONPAY), callReadTrxS2S and callDeleteTokenS2S. A decline naming the transaction is returned as a KO
 * outcome (the charge's verdict); every other failure is a {@link GatewayException}. Thread-safe.
 */
public final class AxerveRecurringGateway implements RecurringGateway {

    private final AxerveClient client;
    private final AxerveCallObserver observer;

    public AxerveRecurringGateway(AxerveClient client) {
        this(client, AxerveCallObserver.NONE);
    }

    /** @param observer told about every call, as the payment gateway's is (metrics and the Axerve-failure alarm) */
    public AxerveRecurringGateway(AxerveClient client, AxerveCallObserver observer) {
        this.client = Objects.requireNonNull(client);
        this.observer = Objects.requireNonNull(observer);
    }

    /** SnapStart priming: the SOAP client's request path run inside the JVM, nothing sent to Axerve. */
    public AxerveClient.Primed prime() {
        return client.prime();
    }

    @Override
    public GatewayOutcome chargeToken(String shopTransactionId, BigDecimal amount, String currency, String token) {
        return pagam(base(shopTransactionId, amount, currency).tokenValue(token).build());
    }

    @Override
    public GatewayOutcome payWithOrderReference(String shopTransactionId, BigDecimal amount, String currency,
                                                String amazonOrderReferenceId) {
        return pagam(base(shopTransactionId, amount, currency).transKey(amazonOrderReferenceId).build());
    }

    @Override
    public GatewayOutcome queryTransaction(String shopTransactionId) {
        try {
            return OutcomeMapper.toOutcome(observer.observe("callReadTrxS2S", shopTransactionId,
                    () -> client.callReadTrxS2S(shopTransactionId, null)));
        } catch (AxerveDeclinedException e) {
            return declined(e);
        } catch (AxerveException e) {
            throw GatewayErrors.toGatewayException(e);
        }
    }

    @Override
    public void deleteToken(String token) {
        try {
            observer.observe("callDeleteTokenS2S", null, () -> client.callDeleteTokenS2S(token));
        } catch (AxerveException e) {
            throw GatewayErrors.toGatewayException(e);
        }
    }

    private GatewayOutcome pagam(PagamRequest request) {
        try {
            return OutcomeMapper.toOutcome(observer.observe("callPagamS2S", request.shopTransactionId(),
                    () -> client.callPagamS2S(request)));
        } catch (AxerveDeclinedException e) {
            return declined(e);
        } catch (AxerveException e) {
            throw GatewayErrors.toGatewayException(e);
        }
    }

    /** A refusal of this transaction is its verdict; one without a transaction is a failure of the call. */
    private static GatewayOutcome declined(AxerveDeclinedException e) {
        AxerveResult ko = e.result();
        if (ko != null && ko.namesTransaction()) {
            return OutcomeMapper.toOutcome(ko);
        }
        throw GatewayErrors.toGatewayException(e);
    }

    private static PagamRequest.Builder base(String shopTransactionId, BigDecimal amount, String currency) {
        UicCurrency uic = UicCurrency.fromIso(currency).orElseThrow(() -> new GatewayException(
                GatewayException.Kind.INVALID_REQUEST, null, false, "currency " + currency + " has no UIC code"));
        return PagamRequest.builder()
                .uicCode(uic.uic())
                .amount(Amounts.format(amount))
                .shopTransactionId(shopTransactionId)
                .paymentType(AxervePaymentGateway.AMAZON_PAY);
    }
}
