package com.axpay.recurring.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.agreement.ChargeState;
import com.axpay.core.domain.Amounts;
import com.axpay.core.port.GatewayException;
import com.axpay.core.usecase.AgreementException;
import com.axpay.core.usecase.ChargeProcessor;
import com.axpay.core.usecase.ChargeUpsell;
import com.axpay.core.validation.ValidationError;
import com.axpay.core.validation.ValidationException;
import com.axpay.payments.handlers.StorefrontHandler;
import com.axpay.payments.http.GatewayFailures;
import com.axpay.payments.http.HttpResponses;
import com.axpay.payments.http.Requests;
import com.axpay.recurring.AgreementJson;
import com.axpay.recurring.ProcessRecurringWiring;
import com.axpay.recurring.RecurringWiring;
import com.fasterxml.jackson.jr.ob.JSON;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * POST /agreements/{agreementId}/charges {amount, currency, chargeId}: an upsell on the agreement's token, answered
 * synchronously: 201 new, 200 the same chargeId again, 202 while Axerve's outcome is still unknown (send it again).
 */
public final class ChargeAgreementHandler extends StorefrontHandler {

    private static final Pattern CHARGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,2})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final ChargeUpsell upsell;

    public ChargeAgreementHandler() {
        this(ProcessRecurringWiring.get());
    }

    public ChargeAgreementHandler(RecurringWiring wiring) {
        super("ChargeAgreement", wiring.storefrontAuth(), wiring.axerveSecrets());
        this.upsell = wiring.upsell();
    }

    @Override
    protected APIGatewayV2HTTPResponse handleAuthorized(APIGatewayV2HTTPEvent event, long start) {
        try {
            Map<String, Object> body = body(Requests.body(event));
            String chargeId = (String) body.get("chargeId");
            BigDecimal amount = Amounts.parse((String) body.get("amount"));
            ChargeUpsell.Result r = upsell.charge(Requests.pathParameter(event, "agreementId"), chargeId, amount,
                    (String) body.get("currency"));
            ChargeProcessor.Result c = r.charge();
            int status = c.status() != ChargeProcessor.Status.SETTLED ? 202 : r.created() ? 201 : 200;
            log.info(c.charge().state() == ChargeState.SUCCEEDED ? "upsell charged" : "upsell not charged")
                    .shopTransactionId(c.charge().shopTransactionId()).status(status).latencyMs(elapsedMs(start))
                    .write();
            return HttpResponses.json(status, AgreementJson.charge(c.charge(), c.agreement()));
        } catch (ValidationException e) {
            log.warn("invalid request").status(400).latencyMs(elapsedMs(start)).write();
            return HttpResponses.validationError(e.errors().stream()
                    .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
        } catch (AgreementException e) {
            APIGatewayV2HTTPResponse r = AgreementErrors.response(e);
            log.warn("upsell refused").errorCode(e.reason().name()).status(r.getStatusCode())
                    .latencyMs(elapsedMs(start)).write();
            return r;
        } catch (GatewayException e) {
            APIGatewayV2HTTPResponse r = GatewayFailures.response(e);
            log.warn("Axerve failed").errorCode(e.kind().name()).status(r.getStatusCode()).latencyMs(elapsedMs(start))
                    .write();
            return r;
        }
    }

    private static Map<String, Object> body(byte[] bytes) {
        Map<String, Object> m;
        try {
            m = bytes == null ? null : JSON.std.mapFrom(bytes);
        } catch (Exception e) {
            m = null;
        }
        if (m == null) {
            throw new ValidationException(List.of(new ValidationError("body", "must be a JSON object")));
        }
        List<ValidationError> errors = new ArrayList<>();
        check(m, "chargeId", CHARGE_ID, "is required: 1-64 of A-Z a-z 0-9 _ -", errors);
        check(m, "amount", AMOUNT, "is required: a decimal string like \"12.50\"", errors);
        check(m, "currency", CURRENCY, "is required: an ISO 4217 code like EUR", errors);
        if (errors.isEmpty() && Amounts.parse((String) m.get("amount")).signum() <= 0) {
            errors.add(new ValidationError("amount", "must be greater than 0"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return m;
    }

    private static void check(Map<String, Object> m, String field, Pattern p, String message,
                              List<ValidationError> errors) {
        if (!(m.get(field) instanceof String s) || !p.matcher(s).matches()) {
            errors.add(new ValidationError(field, message));
        }
    }
}
