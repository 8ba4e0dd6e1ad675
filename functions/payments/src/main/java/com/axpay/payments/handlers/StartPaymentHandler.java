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
import java.util.Map;

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
            int status = r.created() ? 201 : 200;
            log.info(r.created() ? "payment started" : "payment returned again").payment(r.payment()).status(status)
                    .latencyMs(elapsedMs(start)).write();
            return HttpResponses.json(status, PaymentJson.started(r.payment()));
        } catch (ValidationException e) {
            log.warn("invalid request").status(400).errorCode(fields(e)).latencyMs(elapsedMs(start)).write();
            return HttpResponses.validationError(e.errors().stream()
                    .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
        } catch (PaymentConflictException e) {
            log.warn("order has a live payment with another amount").status(409).latencyMs(elapsedMs(start)).write();
            return HttpResponses.json(409, Map.of("error", Map.of("code", "order_conflict", "message",
                    "This orderId already has a live payment with a different amount or currency.",
                    "paymentId", e.paymentId())));
        } catch (GatewayException e) {
            APIGatewayV2HTTPResponse response = GatewayFailures.response(e);
            log.warn("Axerve Encrypt failed").errorCode(e.kind() + (e.errorCode() == null ? "" : ":" + e.errorCode()))
                    .status(response.getStatusCode()).latencyMs(elapsedMs(start)).write();
            return response;
        }
    }

    /** The rejected field names (never their values) for the log. */
    private static String fields(ValidationException e) {
        List<String> names = e.errors().stream().map(ValidationError::field).toList();
        return String.join(",", names);
    }
}
