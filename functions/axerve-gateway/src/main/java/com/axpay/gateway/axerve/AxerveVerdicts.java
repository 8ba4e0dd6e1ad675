package com.axpay.gateway.axerve;

import com.axpay.core.agreement.DeclineClass;
import com.axpay.core.domain.DeclineReason;
import com.axpay.core.domain.GatewayOutcome.Decline;
import com.axpay.core.domain.Verdict;
import com.axpay.soap.AxerveResult;
import com.axpay.soap.ErrorCodeTable;
import com.axpay.soap.TransactionOutcome;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Axerve's TransactionResult, TransactionState and ErrorCode, and Amazon's reason code when Axerve passes it on, read
 * as core's gateway-neutral {@link Verdict} and {@link Decline}. What each ErrorCode means is looked up in the SOAP
 * module's {@link ErrorCodeTable}, never listed here.
 */
final class AxerveVerdicts {

    private static final Map<String, DeclineReason> BY_AMAZON_REASON = Map.of(
            "InvalidPaymentMethod", DeclineReason.INVALID_PAYMENT_METHOD,
            "AmazonRejected", DeclineReason.AMAZON_REJECTED,
            "ProcessingFailure", DeclineReason.PROCESSING_FAILURE,
            "TransactionTimedOut", DeclineReason.TRANSACTION_TIMED_OUT,
            "PaymentMethodNotAllowed", DeclineReason.PAYMENT_METHOD_NOT_ALLOWED,
            "HardDeclined", DeclineReason.AUTHORIZATION_DENIED,
            "SoftDeclined", DeclineReason.AUTHORIZATION_DENIED,
            "BuyerCanceled", DeclineReason.ABANDONED_BY_BUYER);

    /** Axerve's description of a declined Amazon charge: "Amazon Pay: &lt;ReasonCode&gt; (soft|hard decline)". */
    private static final Pattern AMAZON_REASON = Pattern.compile("Amazon Pay:\\s*([A-Za-z]+)");
    /** Amazon's reasons a retry cannot cure: the buyer must act before any new charge (RELIABILITY rule 10). */
    private static final Set<String> HARD_REASONS = Set.of("AmazonRejected", "HardDeclined", "PaymentMethodNotAllowed",
            "PaymentMethodExpired", "PaymentMethodDeleted", "BillingAddressDeleted", "MFAFailed");

    private AxerveVerdicts() {
    }

    static Verdict verdict(AxerveResult r) {
        return verdict(r.outcome(), r.transactionState(), r.errorCode());
    }

    static Verdict verdict(TransactionOutcome outcome, String transactionState, String errorCode) {
        return switch (outcome) {
            case XX -> Verdict.PENDING;
            case OK -> approved(transactionState);
            case KO -> refused(errorCode);
        };
    }

    /** TransactionState comes with callReadTrxS2S only; Decrypt's approval says nothing of the money's moves. */
    private static Verdict approved(String transactionState) {
        if (transactionState == null) {
            return Verdict.AUTHORIZED;
        }
        return switch (transactionState.strip().toUpperCase(Locale.ROOT)) {
            case "MOV", "PRE" -> Verdict.CAPTURED; // moved, or reserved for transfer: settlement already decided
            case "CAN" -> Verdict.CANCELED;
            case "STO" -> Verdict.REFUNDED;
            default -> Verdict.AUTHORIZED; // AUT and anything new: authorized, not yet moved
        };
    }

    private static Verdict refused(String errorCode) {
        if (ErrorCodeTable.describesTheCall(errorCode)) {
            return Verdict.NO_VERDICT;
        }
        return switch (ErrorCodeTable.classify(errorCode)) {
            case ABANDONED -> Verdict.ABANDONED;
            case NOT_FOUND -> Verdict.NOT_FOUND; // Axerve has no such transaction (any more)
            default -> Verdict.DECLINED;
        };
    }

    /**
     * Why: Amazon's reason when Axerve exposes one (OrderReferenceDetails), else Axerve's code; soft or hard from the
     * token codes and Amazon's reason (InvalidPaymentMethod is soft only when marked so, Amazon's SoftDecline flag).
     */
    static Decline decline(AxerveResult r) {
        return decline(r.errorCode(), r.errorDescription(),
                r.orderReferenceDetails() == null ? null : r.orderReferenceDetails().reasonCode());
    }

    /** @param ordReason Amazon's reason code from OrderReferenceDetails, or null */
    static Decline decline(String errorCode, String errorDescription, String ordReason) {
        DeclineReason wallet = ordReason == null ? DeclineReason.OTHER
                : BY_AMAZON_REASON.getOrDefault(ordReason.strip(), DeclineReason.OTHER);
        DeclineReason reason = wallet != DeclineReason.OTHER ? wallet : fromCode(errorCode);
        String reasonCode = ordReason != null && !ordReason.isBlank() ? ordReason.strip()
                : fromDescription(errorDescription);
        return new Decline(reason, wallet, declineClass(errorCode, reasonCode, errorDescription), reasonCode);
    }

    private static DeclineClass declineClass(String errorCode, String reasonCode, String description) {
        if (ErrorCodeTable.tokenUnusable(errorCode)) {
            return DeclineClass.HARD;
        }
        if (reasonCode == null) {
            return DeclineClass.SOFT; // a generic refusal: the bounded dunning schedule decides how often to retry
        }
        if (reasonCode.equals("InvalidPaymentMethod")) {
            return markedSoft(description) ? DeclineClass.SOFT : DeclineClass.HARD;
        }
        return HARD_REASONS.contains(reasonCode) ? DeclineClass.HARD : DeclineClass.SOFT;
    }

    private static DeclineReason fromCode(String errorCode) {
        return switch (ErrorCodeTable.decline(errorCode)) {
            case ABANDONED_BY_BUYER -> DeclineReason.ABANDONED_BY_BUYER;
            case AUTHORIZATION_DENIED -> DeclineReason.AUTHORIZATION_DENIED;
            case INSUFFICIENT_FUNDS -> DeclineReason.INSUFFICIENT_FUNDS;
            case PAYMENT_METHOD_NOT_ALLOWED -> DeclineReason.PAYMENT_METHOD_NOT_ALLOWED;
            case PAYMENT_PLAN_NOT_SET -> DeclineReason.PAYMENT_PLAN_NOT_SET;
            case SHIPPING_ADDRESS_NOT_SET -> DeclineReason.SHIPPING_ADDRESS_NOT_SET;
            case EXPIRED -> DeclineReason.EXPIRED;
            case OTHER -> DeclineReason.OTHER;
        };
    }

    private static String fromDescription(String description) {
        if (description == null) {
            return null;
        }
        Matcher m = AMAZON_REASON.matcher(description);
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
