package com.axpay.recurring.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.agreement.Agreement;
import com.axpay.core.port.GatewayException;
import com.axpay.core.usecase.AgreementException;
import com.axpay.core.usecase.CancelAgreement;
import com.axpay.kit.handler.StorefrontHandler;
import com.axpay.kit.http.GatewayFailures;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.Requests;
import com.axpay.recurring.AgreementJson;
import com.axpay.recurring.ProcessRecurringWiring;
import com.axpay.recurring.RecurringWiring;

/** POST /agreements/{agreementId}/cancel: 200 with the CANCELED agreement (repeatable). */
public final class CancelAgreementHandler extends StorefrontHandler {

    private final CancelAgreement cancel;

    public CancelAgreementHandler() {
        this(ProcessRecurringWiring.get());
    }

    public CancelAgreementHandler(RecurringWiring wiring) {
        super("CancelAgreement", wiring.storefrontAuth(), wiring.axerveSecrets());
        this.cancel = wiring.cancel();
    }

    @Override
    protected APIGatewayV2HTTPResponse handleAuthorized(APIGatewayV2HTTPEvent event, long start) {
        try {
            Agreement a = cancel.cancel(Requests.pathParameter(event, "agreementId"));
            log.info("agreement cancelled").status(200).latencyMs(elapsedMs(start)).write();
            return HttpResponses.json(200, AgreementJson.agreement(a));
        } catch (AgreementException e) {
            APIGatewayV2HTTPResponse r = AgreementErrors.response(e);
            log.warn("cancel refused").errorCode(e.reason().name()).status(r.getStatusCode())
                    .latencyMs(elapsedMs(start)).write();
            return r;
        } catch (GatewayException e) {
            // the agreement is CANCELED already; only the token deletion failed and a repeat retries it
            APIGatewayV2HTTPResponse r = GatewayFailures.response(e);
            log.warn("token deletion failed").errorCode(e.kind().name()).status(r.getStatusCode())
                    .latencyMs(elapsedMs(start)).write();
            return r;
        }
    }
}
