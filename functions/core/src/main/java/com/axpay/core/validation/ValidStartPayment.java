package com.axpay.core.validation;

import com.axpay.core.domain.Buyer;

import java.math.BigDecimal;
import java.util.Map;

/** A start-payment command that passed validation: amount with scale 2, upper-case currency, lower-case language. */
public record ValidStartPayment(BigDecimal amount, String currency, String orderId, Buyer buyer, String language,
                                Map<String, String> customInfo, String returnUrl) {

    public ValidStartPayment {
        customInfo = Map.copyOf(customInfo);
    }
}
