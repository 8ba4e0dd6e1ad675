package com.axpay.recurring.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.agreement.Agreement;
import com.axpay.core.port.AgreementRepository;
import com.axpay.core.validation.Ids;
import com.axpay.kit.handler.StorefrontHandler;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.Requests;
import com.axpay.recurring.AgreementJson;
import com.axpay.recurring.ProcessRecurringWiring;
import com.axpay.recurring.RecurringWiring;

import java.util.Optional;

/** GET /agreements/{agreementId}: plan, state, next charge and the charges' outcomes (never the token). */
public final class GetAgreementHandler extends StorefrontHandler {

    private final AgreementRepository agreements;

    public GetAgreementHandler() {
        this(ProcessRecurringWiring.get());
    }

    public GetAgreementHandler(RecurringWiring wiring) {
        super("GetAgreement", wiring.storefrontAuth());
        this.agreements = wiring.agreements();
    }

    @Override
    protected APIGatewayV2HTTPResponse handleAuthorized(APIGatewayV2HTTPEvent event, long start) {
        String id = Requests.pathParameter(event, "agreementId");
        Optional<Agreement> a = Ids.wellFormed(id) ? agreements.findById(id) : Optional.empty();
        if (a.isEmpty()) {
            return answer(log.warn("agreement not found"),
                    HttpResponses.error(404, "not_found", "No agreement has this id."), start);
        }
        return answer(log.info("agreement read"), HttpResponses.json(200, AgreementJson.agreement(a.get())), start);
    }
}
