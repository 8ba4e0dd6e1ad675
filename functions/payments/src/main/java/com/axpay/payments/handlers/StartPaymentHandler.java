package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.port.GatewayException;
import com.axpay.core.usecase.PaymentConflictException;
import com.axpay.core.usecase.StartPayment;
import com.axpay.core.validation.ValidationError;
import com.axpay.core.validation.ValidationException;
import com.axpay.kit.handler.StorefrontHandler;
import com.axpay.kit.http.GatewayFailures;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.PaymentJson;
import com.axpay.kit.http.RequestBody;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.ProcessWiring;
import com.axpay.payments.http.StartPaymentBody;

import java.util.List;

/** POST /payments: 201 with the payment page URL for a new payment, 200 with the same payment for a repeat. */
public final class StartPaymentHandler extends StorefrontHandler {

    private final StartPayment startPayment;

    public StartPaymentHandler() {
        this(ProcessWiring.get());
    }

    public StartPaymentHandler(PaymentsWiring wiring) {
        super("StartPayment", wiring.storefrontAuth(), wiring.axerveSecrets());
        this.startPayment = wiring.startPayment();
    }

    @Override
    protected APIGatewayV2HTTPResponse handleAuthorized(APIGatewayV2HTTPEvent event, long start) {
        try {
            StartPayment.Result r = startPayment.start(StartPaymentBody.parse(RequestBody.object(event, false)));
            return answer(log.info(r.created() ? "payment started" : "payment returned again").payment(r.payment()),
                    HttpResponses.json(r.created() ? 201 : 200, PaymentJson.started(r.payment())), start);
        } catch (ValidationException e) {
            return answer(log.warn("invalid request").errorCode(fields(e)), HttpResponses.validationError(e), start);
        } catch (PaymentConflictException e) {
            return answer(log.warn("order has a live payment with another amount"),
                    HttpResponses.orderConflict(e.paymentId()), start);
        } catch (GatewayException e) {
            return answer(log.warn("Axerve Encrypt failed").errorCode(GatewayFailures.logCode(e)),
                    GatewayFailures.response(e), start);
        }
    }

    /** The rejected field names (never their values) for the log. */
    private static String fields(ValidationException e) {
        List<String> names = e.errors().stream().map(ValidationError::field).toList();
        return String.join(",", names);
    }
}
