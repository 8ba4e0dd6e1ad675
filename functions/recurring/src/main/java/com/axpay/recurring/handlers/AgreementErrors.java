package com.axpay.recurring.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.usecase.AgreementException;
import com.axpay.kit.http.HttpResponses;

/** Agreement refusals as HTTP answers. */
final class AgreementErrors {

    private AgreementErrors() {
    }

    static APIGatewayV2HTTPResponse response(AgreementException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> HttpResponses.error(404, "not_found", "No agreement has this id.");
            case NOT_CHARGEABLE -> HttpResponses.error(409, "agreement_not_chargeable",
                    "The agreement cannot be charged in its current state.");
            case CHARGE_CONFLICT -> HttpResponses.error(409, "charge_conflict",
                    "This chargeId was already used with a different amount or currency.");
            case CHARGE_IN_PROGRESS -> HttpResponses.error(409, "charge_in_progress",
                    "A charge of this agreement is being processed; send the request again shortly.");
        };
    }
}
