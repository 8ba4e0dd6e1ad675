package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.domain.Payment;
import com.axpay.core.port.GatewayException;
import com.axpay.core.usecase.OperationRefusedException;
import com.axpay.kit.handler.StorefrontHandler;
import com.axpay.kit.http.GatewayFailures;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.Requests;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.http.OperationResponses;

/**
 * The refund, cancel and capture routes: an operation on the path's payment, refused by core (4xx) or failed at
 * Axerve (5xx, or the answer lost and the attempt kept for the same request to settle) the same way on each.
 */
abstract class PaymentOperationHandler extends StorefrontHandler {

    private final String operation;

    /** @param operation the operation's word in log lines and answers ("refund", "cancel", "capture") */
    PaymentOperationHandler(String function, String operation, PaymentsWiring wiring) {
        super(function, wiring.storefrontAuth(), wiring.axerveSecrets());
        this.operation = operation;
    }

    @Override
    protected final APIGatewayV2HTTPResponse handleAuthorized(APIGatewayV2HTTPEvent event, long start) {
        String paymentId = Requests.pathParameter(event, "paymentId");
        try {
            return operate(paymentId, event, start);
        } catch (OperationRefusedException e) {
            return answer(log.warn(operation + " refused: " + e.reason()).paymentId(paymentId).errorCode(e.errorCode()),
                    OperationResponses.refused(e), start);
        } catch (GatewayException e) {
            return answer(log.warn("Axerve " + operation + " failed" + (e.outcomeUnknown() ? ", outcome unknown" : ""))
                            .paymentId(paymentId).errorCode(GatewayFailures.logCode(e)),
                    OperationResponses.gatewayFailure(e, operation), start);
        }
    }

    /** The 200 answer of an operation that leaves a payment without a record of its own (cancel, capture). */
    protected final APIGatewayV2HTTPResponse balance(Payment p, long start) {
        return answer(log.info("payment " + operation + ": " + p.state()).payment(p),
                HttpResponses.json(200, OperationResponses.balance(p)), start);
    }

    /** Runs the operation and answers its success; refusals and Axerve failures propagate to the answers above. */
    protected abstract APIGatewayV2HTTPResponse operate(String paymentId, APIGatewayV2HTTPEvent event, long start);
}
