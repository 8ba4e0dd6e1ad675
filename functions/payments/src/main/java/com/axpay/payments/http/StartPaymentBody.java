package com.axpay.payments.http;

import com.axpay.core.validation.RecurringCommand;
import com.axpay.core.validation.StartPaymentCommand;
import com.axpay.core.validation.ValidationError;
import com.axpay.core.validation.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The POST /payments body as a command: JSON shape and types only. Content rules (amount format, currency, lengths,
 * allow-list) are core's validator's. Amounts must be strings: a JSON number may already have been rounded.
 */
public final class StartPaymentBody {

    private StartPaymentBody() {
    }

    /**
     * @param map the body as {@link RequestBody} read it
     * @throws ValidationException a field of the wrong type
     */
    public static StartPaymentCommand parse(Map<?, ?> map) {
        List<ValidationError> errors = new ArrayList<>();
        String amount = string(map, "amount", errors);
        String currency = string(map, "currency", errors);
        String orderId = string(map, "orderId", errors);
        String language = string(map, "language", errors);
        String returnUrl = string(map, "returnUrl", errors);
        String buyerName = null;
        String buyerEmail = null;
        Object buyer = map.get("buyer");
        if (buyer instanceof Map<?, ?> b) {
            buyerName = string(b, "name", "buyer.name", errors);
            buyerEmail = string(b, "email", "buyer.email", errors);
        } else if (buyer != null) {
            errors.add(new ValidationError("buyer", "must be an object with name and email"));
        }
        Map<String, String> customInfo = customInfo(map.get("customInfo"), errors);
        RecurringCommand recurring = recurring(map.get("recurring"), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new StartPaymentCommand(amount, currency, orderId, buyerName, buyerEmail, language, customInfo,
                returnUrl, recurring);
    }

    /** {"mode", "plan": {"amount", "currency", "interval", "startAt"?, "cycles"?}}; cycles is a JSON integer. */
    private static RecurringCommand recurring(Object v, List<ValidationError> errors) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> r)) {
            errors.add(new ValidationError("recurring", "must be an object with mode and plan"));
            return null;
        }
        String mode = string(r, "mode", "recurring.mode", errors);
        if (!(r.get("plan") instanceof Map<?, ?> plan)) {
            errors.add(new ValidationError("recurring.plan", "is required: an object with amount, currency, interval"));
            return null;
        }
        Object cycles = plan.get("cycles");
        if (cycles != null && !(cycles instanceof Integer || cycles instanceof Long)) {
            errors.add(new ValidationError("recurring.plan.cycles", "must be a whole number"));
            cycles = null;
        }
        return new RecurringCommand(mode, string(plan, "amount", "recurring.plan.amount", errors),
                string(plan, "currency", "recurring.plan.currency", errors),
                string(plan, "interval", "recurring.plan.interval", errors),
                string(plan, "startAt", "recurring.plan.startAt", errors),
                cycles == null ? null : cycles.toString());
    }

    private static String string(Map<?, ?> map, String key, List<ValidationError> errors) {
        return string(map, key, key, errors);
    }

    private static String string(Map<?, ?> map, String key, String field, List<ValidationError> errors) {
        Object v = map.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        errors.add(new ValidationError(field, v instanceof Number && key.equals("amount")
                ? "must be a string like \"12.50\", not a JSON number" : "must be a string"));
        return null;
    }

    private static Map<String, String> customInfo(Object v, List<ValidationError> errors) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            errors.add(new ValidationError("customInfo", "must be an object of string values"));
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                errors.add(new ValidationError("customInfo." + e.getKey(), "must be a string"));
                continue;
            }
            out.put(String.valueOf(e.getKey()), s);
        }
        return out;
    }
}
