package com.axpay.core.validation;

import com.axpay.core.agreement.Plan;
import com.axpay.core.agreement.RecurringMode;
import com.axpay.core.domain.Buyer;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A start-payment command that passed validation: amount with scale 2, upper-case currency, lower-case language.
 *
 * @param recurring mode and plan of a recurring payment, null for a one-time payment
 */
public record ValidStartPayment(BigDecimal amount, String currency, String orderId, Buyer buyer, String language,
                                Map<String, String> customInfo, String returnUrl, Recurring recurring) {

    public ValidStartPayment {
        customInfo = Map.copyOf(customInfo);
    }

    /** A one-time payment. */
    public ValidStartPayment(BigDecimal amount, String currency, String orderId, Buyer buyer, String language,
                             Map<String, String> customInfo, String returnUrl) {
        this(amount, currency, orderId, buyer, language, customInfo, returnUrl, null);
    }

    public record Recurring(RecurringMode mode, Plan plan) {
    }
}
