package com.axpay.simulator;

import java.util.Arrays;
import java.util.Optional;

/**
 * Simulated Amazon Pay outcomes. The names are the public contract (wallet methods, {@code &sim=}, order-reference
 * registrations, README). A pending scenario answers XX first and its {@code finalOutcome} later.
 */
enum Scenario {
    SUCCESS("success", "Visa **** 1111 (pagamento riuscito)", Result.OK, ErrorCatalog.OK, "Draft", null, null),
    ABANDON("abandon", "Annulla e torna al negozio", Result.KO, ErrorCatalog.ABANDONED, "Canceled", "BuyerCanceled", null),
    DECLINE("decline", "Mastercard **** 4444 (autorizzazione negata)", Result.KO, ErrorCatalog.AUTH_DENIED, "Open", null, null),
    INVALID_PAYMENT_METHOD_SOFT("invalid-payment-method-soft", "Visa **** 0005 (InvalidPaymentMethod, soft decline)",
            Result.KO, ErrorCatalog.AUTH_DENIED, "Suspended", "InvalidPaymentMethod", Boolean.TRUE),
    INVALID_PAYMENT_METHOD_HARD("invalid-payment-method-hard", "Visa **** 9424 (InvalidPaymentMethod, hard decline)",
            Result.KO, ErrorCatalog.AUTH_DENIED, "Suspended", "InvalidPaymentMethod", Boolean.FALSE),
    AMAZON_REJECTED("amazon-rejected", "Amex **** 0000 (AmazonRejected)", Result.KO, ErrorCatalog.AUTH_DENIED, "Closed", "AmazonRejected", null),
    TRANSACTION_TIMED_OUT("transaction-timed-out", "Visa **** 3434 (TransactionTimedOut)", Result.KO, ErrorCatalog.AUTH_DENIED, "Open", "TransactionTimedOut", null),
    PENDING_OK("pending-ok", "Visa **** 0701 (in sospeso, poi riuscito)", Result.XX, ErrorCatalog.OK, "Open", null, null),
    PENDING_KO("pending-ko", "Visa **** 4354 (in sospeso, poi negato)", Result.XX, ErrorCatalog.OK, "Open", null, null),
    PAYMENT_METHOD_NOT_ALLOWED("payment-method-not-allowed", "Maestro **** 3064 (PaymentMethodNotAllowed)",
            Result.KO, ErrorCatalog.PAYMENT_METHOD_NOT_ALLOWED, "Draft", "PaymentMethodNotAllowed", null),
    PAYMENT_PLAN_NOT_SET("payment-plan-not-set", "Nessun metodo di pagamento (PaymentPlanNotSet)",
            Result.KO, ErrorCatalog.PAYMENT_PLAN_NOT_SET, "Draft", "PaymentPlanNotSet", null),
    SHIPPING_ADDRESS_NOT_SET("shipping-address-not-set", "Nessun indirizzo (ShippingAddressNotSet)",
            Result.KO, ErrorCatalog.SHIPPING_ADDRESS_NOT_SET, "Draft", "ShippingAddressNotSet", null);

    enum Result { OK, KO, XX }

    final String id;
    final String walletLabel;
    final Result result;
    final int errorCode;
    final String orderReferenceState;
    final String reasonCode;
    /** Only for InvalidPaymentMethod: TRUE soft, FALSE hard. */
    final Boolean softDecline;

    Scenario(String id, String walletLabel, Result result, int errorCode, String orderReferenceState, String reasonCode,
             Boolean softDecline) {
        this.id = id;
        this.walletLabel = walletLabel;
        this.result = result;
        this.errorCode = errorCode;
        this.orderReferenceState = orderReferenceState;
        this.reasonCode = reasonCode;
        this.softDecline = softDecline;
    }

    static Optional<Scenario> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    boolean pending() { return result == Result.XX; }

    /** What a pending scenario turns into after the pending delay. */
    Scenario finalOutcome() {
        return switch (this) {
            case PENDING_OK -> SUCCESS;
            case PENDING_KO -> AMAZON_REJECTED;
            default -> this;
        };
    }

    /** Scenarios a custom-widget order reference can carry (a server-to-server call answers only OK or KO). */
    boolean allowedForServerToServer() {
        return !pending() && this != ABANDON;
    }

    /** ErrorDescription: the Italian text, plus the Amazon reason for declines so soft and hard are told apart. */
    String errorDescription() {
        String base = ErrorCatalog.describe(errorCode);
        if (reasonCode == null || result != Result.KO || errorCode != ErrorCatalog.AUTH_DENIED) return base;
        String kind = softDecline == null ? "" : softDecline ? " (soft decline)" : " (hard decline)";
        return base + " - Amazon Pay: " + reasonCode + kind;
    }
}
