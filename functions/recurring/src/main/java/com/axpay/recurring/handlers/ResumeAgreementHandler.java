package com.axpay.recurring.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.agreement.Agreement;
import com.axpay.core.usecase.AgreementException;
import com.axpay.core.usecase.ResumeAgreement;
import com.axpay.kit.handler.StorefrontHandler;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.Requests;
import com.axpay.recurring.AgreementJson;
import com.axpay.recurring.ProcessRecurringWiring;
import com.axpay.recurring.RecurringWiring;

/**
 * POST /agreements/{agreementId}/resume: after the buyer fixed the payment method, 200 with the ACTIVE agreement whose
 * unpaid cycle the next schedule tick charges (repeatable); 409 for a CANCELED or COMPLETED agreement.
 */
public final class ResumeAgreementHandler extends StorefrontHandler {

    private final ResumeAgreement resume;

    public ResumeAgreementHandler() {
        this(ProcessRecurringWiring.get());
    }

    public ResumeAgreementHandler(RecurringWiring wiring) {
        super("ResumeAgreement", wiring.storefrontAuth());
        this.resume = wiring.resume();
    }

    @Override
    protected APIGatewayV2HTTPResponse handleAuthorized(APIGatewayV2HTTPEvent event, long start) {
        try {
            Agreement a = resume.resume(Requests.pathParameter(event, "agreementId"));
            log.info("agreement resumed").status(200).latencyMs(elapsedMs(start)).write();
            return HttpResponses.json(200, AgreementJson.agreement(a));
        } catch (AgreementException e) {
            APIGatewayV2HTTPResponse r = AgreementErrors.response(e);
            log.warn("resume refused").errorCode(e.reason().name()).status(r.getStatusCode())
                    .latencyMs(elapsedMs(start)).write();
            return r;
        }
    }
}
