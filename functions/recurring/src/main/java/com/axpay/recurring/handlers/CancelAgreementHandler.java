package com.axpay.recurring.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.port.GatewayException;
import com.axpay.core.usecase.CancelAgreement;
import com.axpay.kit.http.GatewayFailures;
import com.axpay.recurring.ProcessRecurringWiring;
import com.axpay.recurring.RecurringWiring;

/** POST /agreements/{agreementId}/cancel: 200 with the CANCELED agreement (repeatable). */
public final class CancelAgreementHandler extends AgreementOperationHandler {

    private final CancelAgreement cancel;

    public CancelAgreementHandler() {
        this(ProcessRecurringWiring.get());
    }

    public CancelAgreementHandler(RecurringWiring wiring) {
        super("CancelAgreement", "cancel", wiring.storefrontAuth(), wiring.axerveSecrets());
        this.cancel = wiring.cancel();
    }

    @Override
    protected APIGatewayV2HTTPResponse operate(String agreementId, APIGatewayV2HTTPEvent event, long start) {
        try {
            return agreement("agreement cancelled", cancel.cancel(agreementId), start);
        } catch (GatewayException e) {
            // the agreement is CANCELED already; only the token deletion failed and a repeat retries it
            return answer(log.warn("token deletion failed").errorCode(e.kind().name()), GatewayFailures.response(e),
                    start);
        }
    }
}
