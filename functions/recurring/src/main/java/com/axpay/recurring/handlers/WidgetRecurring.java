package com.axpay.recurring.handlers;

import com.axpay.core.validation.RecurringCommand;
import com.axpay.core.validation.ValidationError;
import com.axpay.core.validation.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code recurring} object of POST /payments/widget, read with POST /payments' shape and field names. */
final class WidgetRecurring {

    private WidgetRecurring() {
    }

    /** {"mode", "plan": {"amount", "currency", "interval", "startAt"?, "cycles"?}}; null when absent. */
    static RecurringCommand parse(Object v) {
        if (v == null) {
            return null;
        }
        List<ValidationError> errors = new ArrayList<>();
        if (!(v instanceof Map<?, ?> r) || !(r.get("plan") instanceof Map<?, ?> plan)) {
            throw new ValidationException(List.of(new ValidationError("recurring",
                    "must be an object with mode and plan {amount, currency, interval}")));
        }
        Object cycles = plan.get("cycles");
        if (cycles != null && !(cycles instanceof Integer || cycles instanceof Long)) {
            errors.add(new ValidationError("recurring.plan.cycles", "must be a whole number"));
        }
        RecurringCommand c = new RecurringCommand(text(r, "mode", "recurring.mode", errors),
                text(plan, "amount", "recurring.plan.amount", errors),
                text(plan, "currency", "recurring.plan.currency", errors),
                text(plan, "interval", "recurring.plan.interval", errors),
                text(plan, "startAt", "recurring.plan.startAt", errors),
                cycles == null ? null : cycles.toString());
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return c;
    }

    private static String text(Map<?, ?> m, String key, String field, List<ValidationError> errors) {
        Object v = m.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        errors.add(new ValidationError(field, "must be a string"));
        return null;
    }
}
