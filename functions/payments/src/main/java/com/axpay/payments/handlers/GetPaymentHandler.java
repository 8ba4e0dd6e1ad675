package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.domain.Payment;
import com.axpay.core.usecase.GetPayment;
import com.axpay.kit.handler.StorefrontHandler;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.PaymentJson;
import com.axpay.kit.http.Requests;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.ProcessWiring;

import java.util.Optional;

/** GET /payments/{paymentId}: the payment as stored, with buyer, addresses and decline reason once known. */
public final class GetPaymentHandler extends StorefrontHandler {

    private final GetPayment getPayment;

    public GetPaymentHandler() {
        this(ProcessWiring.get());
    }

    public GetPaymentHandler(PaymentsWiring wiring) {
        super("GetPayment", wiring.storefrontAuth());
        this.getPayment = wiring.getPayment();
    }

    @Override
    protected APIGatewayV2HTTPResponse handleAuthorized(APIGatewayV2HTTPEvent event, long start) {
        String id = Requests.pathParameter(event, "paymentId");
        Optional<Payment> payment = id == null || id.length() > 100 ? Optional.empty() : getPayment.get(id);
        if (payment.isEmpty()) {
            return answer(log.info("payment not found"),
                    HttpResponses.error(404, "payment_not_found", "No payment has this id."), start);
        }
        return answer(log.info("payment read").payment(payment.get()),
                HttpResponses.json(200, PaymentJson.full(payment.get())), start);
    }
}
