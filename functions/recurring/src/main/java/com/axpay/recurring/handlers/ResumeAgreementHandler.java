package com.axpay.recurring.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.usecase.ResumeAgreement;
import com.axpay.recurring.ProcessRecurringWiring;
import com.axpay.recurring.RecurringWiring;

import java.util.List;

/**
 * POST /agreements/{agreementId}/resume: after the buyer fixed the payment method, 200 with the ACTIVE agreement whose
 * unpaid cycle the next schedule tick charges (repeatable); 409 for a CANCELED or COMPLETED agreement.
 */
public final class ResumeAgreementHandler extends AgreementOperationHandler {

    private final ResumeAgreement resume;

    public ResumeAgreementHandler() {
        this(ProcessRecurringWiring.get());
    }

    public ResumeAgreementHandler(RecurringWiring wiring) {
        super("ResumeAgreement", "resume", wiring.storefrontAuth(), List.of());
        this.resume = wiring.resume();
    }

    @Override
    protected APIGatewayV2HTTPResponse operate(String agreementId, APIGatewayV2HTTPEvent event, long start) {
        return agreement("agreement resumed", resume.resume(agreementId), start);
    }
}
