package com.axpay.recurring.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.agreement.Agreement;
import com.axpay.core.usecase.AgreementException;
import com.axpay.kit.config.Secret;
import com.axpay.kit.handler.StorefrontHandler;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.Requests;
import com.axpay.kit.http.StorefrontAuth;
import com.axpay.recurring.AgreementJson;

import java.util.List;

/**
 * The routes that act on the path's agreement (cancel, resume, upsell charge): core's refusal (unknown agreement,
 * wrong state, chargeId conflict or in progress) gets the same answer and log line on each.
 */
abstract class AgreementOperationHandler extends StorefrontHandler {

    private final String operation;

    /** @param operation the operation's word in the refusal's log line ("cancel", "resume", "upsell") */
    AgreementOperationHandler(String function, String operation, StorefrontAuth auth, List<Secret> secrets) {
        super(function, auth, secrets);
        this.operation = operation;
    }

    @Override
    protected final APIGatewayV2HTTPResponse handleAuthorized(APIGatewayV2HTTPEvent event, long start) {
        try {
            return operate(Requests.pathParameter(event, "agreementId"), event, start);
        } catch (AgreementException e) {
            return answer(log.warn(operation + " refused").errorCode(e.reason().name()), AgreementErrors.response(e),
                    start);
        }
    }

    /** 200 with the agreement as it is after the operation. */
    protected final APIGatewayV2HTTPResponse agreement(String message, Agreement a, long start) {
        return answer(log.info(message), HttpResponses.json(200, AgreementJson.agreement(a)), start);
    }

    /** Runs the operation and answers it; a refusal propagates to the answer above, other failures are its own. */
    protected abstract APIGatewayV2HTTPResponse operate(String agreementId, APIGatewayV2HTTPEvent event, long start);
}
