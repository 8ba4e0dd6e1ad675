package com.axpay.core.agreement;

import com.axpay.core.domain.GatewayOutcome;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Soft or hard, from what Axerve says about a declined charge (RELIABILITY rule 10). Amazon's reason code comes from
 * OrderReferenceDetails when present, else from Axerve's description "Amazon Pay: &lt;ReasonCode&gt; (soft|hard
 * decline)"; InvalidPaymentMethod is soft only when marked soft (Amazon's SoftDecline flag).
 */
public final class DeclineTaxonomy {

    private static final Pattern AMAZON_REASON = Pattern.compile("Amazon Pay:\\s*([A-Za-z]+)");
    private static final Set<String> HARD_REASONS = Set.of("AmazonRejected", "HardDeclined", "PaymentMethodNotAllowed",
            "PaymentMethodExpired", "PaymentMethodDeleted", "BillingAddressDeleted", "MFAFailed");
    /** Axerve's token codes: unknown, disabled or foreign token (the agreement is no longer chargeable). */
    private static final Set<String> HARD_CODES = Set.of("1160", "1161", "1162", "1163", "1164", "1165");

    private DeclineTaxonomy() {
    }

    public static DeclineClass classify(GatewayOutcome outcome) {
        String code = outcome.errorCode() == null ? "" : outcome.errorCode().strip();
        if (HARD_CODES.contains(code)) {
            return DeclineClass.HARD;
        }
        String reason = reasonCode(outcome);
        if (reason == null) {
            return DeclineClass.SOFT; // a generic refusal: the bounded dunning schedule decides how often to retry
        }
        if (reason.equals("InvalidPaymentMethod")) {
            return markedSoft(outcome.errorDescription()) ? DeclineClass.SOFT : DeclineClass.HARD;
        }
        return HARD_REASONS.contains(reason) ? DeclineClass.HARD : DeclineClass.SOFT;
    }

    /** Amazon's reason code, or null when Axerve gave none. */
    public static String reasonCode(GatewayOutcome outcome) {
        if (outcome.amazonReasonCode() != null && !outcome.amazonReasonCode().isBlank()) {
            return outcome.amazonReasonCode().strip();
        }
        if (outcome.errorDescription() == null) {
            return null;
        }
        Matcher m = AMAZON_REASON.matcher(outcome.errorDescription());
        return m.find() ? m.group(1) : null;
    }

    private static boolean markedSoft(String description) {
        if (description == null) {
            return false;
        }
        String d = description.toLowerCase(Locale.ROOT);
        return d.contains("soft decline") || d.contains("softdecline");
    }
}
