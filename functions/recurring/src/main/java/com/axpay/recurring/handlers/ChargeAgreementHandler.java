package com.axpay.recurring.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.agreement.ChargeState;
import com.axpay.core.port.GatewayException;
import com.axpay.core.usecase.ChargeProcessor;
import com.axpay.core.usecase.ChargeUpsell;
import com.axpay.core.validation.AmountField;
import com.axpay.core.validation.Ids;
import com.axpay.core.validation.ValidationError;
import com.axpay.core.validation.ValidationException;
import com.axpay.kit.http.GatewayFailures;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.RequestBody;
import com.axpay.recurring.AgreementJson;
import com.axpay.recurring.ProcessRecurringWiring;
import com.axpay.recurring.RecurringWiring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * POST /agreements/{agreementId}/charges {amount, currency, chargeId}: an upsell on the agreement's token, answered
 * synchronously: 201 new, 200 the same chargeId again, 202 while Axerve's outcome is still unknown (send it again).
 */
public final class ChargeAgreementHandler extends AgreementOperationHandler {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final ChargeUpsell upsell;

    public ChargeAgreementHandler() {
        this(ProcessRecurringWiring.get());
    }

    public ChargeAgreementHandler(RecurringWiring wiring) {
        super("ChargeAgreement", "upsell", wiring.storefrontAuth(), wiring.axerveSecrets());
        this.upsell = wiring.upsell();
    }

    @Override
    protected APIGatewayV2HTTPResponse operate(String agreementId, APIGatewayV2HTTPEvent event, long start) {
        try {
            Map<?, ?> body = RequestBody.object(event, false);
            List<ValidationError> errors = new ArrayList<>();
            String chargeId = RequestBody.text(body, "chargeId");
            if (!Ids.wellFormed(chargeId)) {
                errors.add(new ValidationError("chargeId", "is required: " + Ids.RULE));
            }
            BigDecimal amount = AmountField.parse("amount", RequestBody.text(body, "amount"), errors);
            String currency = RequestBody.text(body, "currency");
            if (currency == null || !CURRENCY.matcher(currency).matches()) {
                errors.add(new ValidationError("currency", "is required: an ISO 4217 code like EUR"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            ChargeUpsell.Result r = upsell.charge(agreementId, chargeId, amount, currency);
            ChargeProcessor.Result c = r.charge();
            int status = c.status() != ChargeProcessor.Status.SETTLED ? 202 : r.created() ? 201 : 200;
            return answer(log.info(c.charge().state() == ChargeState.SUCCEEDED ? "upsell charged" : "upsell not charged")
                            .shopTransactionId(c.charge().shopTransactionId()),
                    HttpResponses.json(status, AgreementJson.charge(c.charge(), c.agreement())), start);
        } catch (ValidationException e) {
            return answer(log.warn("invalid request"), HttpResponses.validationError(e), start);
        } catch (GatewayException e) {
            return answer(log.warn("Axerve failed").errorCode(e.kind().name()), GatewayFailures.response(e), start);
        }
    }
}
