package com.axpay.core.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One payment attempt for one storefront order. Immutable: every change makes a new value via {@link #toBuilder()}.
 * The amount is an exact decimal with scale 2; it is never a float.
 *
 * @param redirectUrl        Axerve payment page URL for the buyer, set once Encrypt answered
 * @param version            optimistic-lock counter, incremented by every stored change
 * @param reconcileAttempts  how many times the reconciler queried Axerve for this payment
 * @param reconcileExhausted the reconciler gave up (attempts used up without a verdict): needs a person
 * @param resolvedAt         when the payment reached a terminal state, else null
 * @param addressesReadAt    when buyer and addresses were read with callReadTrxS2S, else null
 * @param refundedAmount     money Axerve confirmed refunded (0.00 when none)
 * @param refundReserved     money held by refunds sent or about to be sent to Axerve whose outcome is not stored yet
 * @param operation          the last capture or cancel attempt (open while its outcome is not stored), else null
 */
public record Payment(
        String paymentId,
        String orderId,
        int attempt,
        String shopTransactionId,
        BigDecimal amount,
        String currency,
        PaymentState state,
        long version,
        String bankTransactionId,
        String authorizationCode,
        String errorCode,
        String errorDescription,
        DeclineReason declineReason,
        Buyer buyer,
        Address shippingAddress,
        Address billingAddress,
        Map<String, String> customInfo,
        String language,
        String returnUrl,
        String redirectUrl,
        String agreementId,
        int reconcileAttempts,
        boolean reconcileExhausted,
        Instant createdAt,
        Instant updatedAt,
        Instant resolvedAt,
        Instant addressesReadAt,
        BigDecimal refundedAmount,
        BigDecimal refundReserved,
        OperationAttempt operation) {

    /** Index bucket of payments with a capture or cancel whose outcome is not stored yet. */
    public static final String OPERATION_BUCKET = "OPERATION";
    /** Index bucket of payments the reconciler gave up on: they need a person. */
    public static final String STUCK_BUCKET = "STUCK";

    public Payment {
        Required.components("paymentId", paymentId, "orderId", orderId, "shopTransactionId", shopTransactionId,
                "amount", amount, "currency", currency, "state", state, "createdAt", createdAt,
                "updatedAt", updatedAt);
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1");
        }
        amount = Amounts.exact(amount);
        buyer = buyer == null ? Buyer.NONE : buyer;
        customInfo = customInfo == null ? Map.of() : Map.copyOf(customInfo);
        refundedAmount = Amounts.exact(refundedAmount == null ? BigDecimal.ZERO : refundedAmount);
        refundReserved = Amounts.exact(refundReserved == null ? BigDecimal.ZERO : refundReserved);
    }

    /** What may still be refunded: the amount less refunds confirmed and refunds in flight. */
    public BigDecimal refundableAmount() {
        return amount.subtract(refundedAmount).subtract(refundReserved);
    }

    /** Ids, state and money only: buyer, addresses and customInfo stay out of logs. */
    @Override
    public String toString() {
        return "Payment[paymentId=" + paymentId + ", orderId=" + orderId + ", attempt=" + attempt
                + ", shopTransactionId=" + shopTransactionId + ", amount=" + amount + " " + currency
                + ", state=" + state + ", version=" + version + ", errorCode=" + errorCode + "]";
    }

    /** A capture or cancel was sent (or is about to be) and its outcome is not stored yet. */
    public boolean hasOpenOperation() {
        return operation != null && operation.isOpen();
    }

    /**
     * The reconciler index bucket: the state name while open and still swept, {@link #OPERATION_BUCKET} while an
     * operation's outcome is open, {@link #STUCK_BUCKET} once the reconciler gave up on either, null otherwise.
     */
    public String openBucket() {
        if (hasOpenOperation()) {
            return operation.exhausted() ? STUCK_BUCKET : OPERATION_BUCKET;
        }
        if (state.isTerminal()) {
            return null;
        }
        return reconcileExhausted ? STUCK_BUCKET : state.name();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable helper for building the next value of a payment. */
    public static final class Builder {
        private String paymentId;
        private String orderId;
        private int attempt = 1;
        private String shopTransactionId;
        private BigDecimal amount;
        private String currency;
        private PaymentState state = PaymentState.CREATED;
        private long version;
        private String bankTransactionId;
        private String authorizationCode;
        private String errorCode;
        private String errorDescription;
        private DeclineReason declineReason;
        private Buyer buyer = Buyer.NONE;
        private Address shippingAddress;
        private Address billingAddress;
        private Map<String, String> customInfo = Map.of();
        private String language;
        private String returnUrl;
        private String redirectUrl;
        private String agreementId;
        private int reconcileAttempts;
        private boolean reconcileExhausted;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant resolvedAt;
        private Instant addressesReadAt;
        private BigDecimal refundedAmount;
        private BigDecimal refundReserved;
        private OperationAttempt operation;

        private Builder() {
        }

        private Builder(Payment p) {
            paymentId = p.paymentId;
            orderId = p.orderId;
            attempt = p.attempt;
            shopTransactionId = p.shopTransactionId;
            amount = p.amount;
            currency = p.currency;
            state = p.state;
            version = p.version;
            bankTransactionId = p.bankTransactionId;
            authorizationCode = p.authorizationCode;
            errorCode = p.errorCode;
            errorDescription = p.errorDescription;
            declineReason = p.declineReason;
            buyer = p.buyer;
            shippingAddress = p.shippingAddress;
            billingAddress = p.billingAddress;
            customInfo = p.customInfo;
            language = p.language;
            returnUrl = p.returnUrl;
            redirectUrl = p.redirectUrl;
            agreementId = p.agreementId;
            reconcileAttempts = p.reconcileAttempts;
            reconcileExhausted = p.reconcileExhausted;
            createdAt = p.createdAt;
            updatedAt = p.updatedAt;
            resolvedAt = p.resolvedAt;
            addressesReadAt = p.addressesReadAt;
            refundedAmount = p.refundedAmount;
            refundReserved = p.refundReserved;
            operation = p.operation;
        }

        public Builder paymentId(String v) { paymentId = v; return this; }
        public Builder orderId(String v) { orderId = v; return this; }
        public Builder attempt(int v) { attempt = v; return this; }
        public Builder shopTransactionId(String v) { shopTransactionId = v; return this; }
        public Builder amount(BigDecimal v) { amount = v; return this; }
        public Builder currency(String v) { currency = v; return this; }
        public Builder state(PaymentState v) { state = v; return this; }
        public Builder version(long v) { version = v; return this; }
        public Builder bankTransactionId(String v) { bankTransactionId = v; return this; }
        public Builder authorizationCode(String v) { authorizationCode = v; return this; }
        public Builder errorCode(String v) { errorCode = v; return this; }
        public Builder errorDescription(String v) { errorDescription = v; return this; }
        public Builder declineReason(DeclineReason v) { declineReason = v; return this; }
        public Builder buyer(Buyer v) { buyer = v; return this; }
        public Builder shippingAddress(Address v) { shippingAddress = v; return this; }
        public Builder billingAddress(Address v) { billingAddress = v; return this; }
        public Builder customInfo(Map<String, String> v) { customInfo = v; return this; }
        public Builder language(String v) { language = v; return this; }
        public Builder returnUrl(String v) { returnUrl = v; return this; }
        public Builder redirectUrl(String v) { redirectUrl = v; return this; }
        public Builder agreementId(String v) { agreementId = v; return this; }
        public Builder reconcileAttempts(int v) { reconcileAttempts = v; return this; }
        public Builder reconcileExhausted(boolean v) { reconcileExhausted = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder resolvedAt(Instant v) { resolvedAt = v; return this; }
        public Builder addressesReadAt(Instant v) { addressesReadAt = v; return this; }
        public Builder refundedAmount(BigDecimal v) { refundedAmount = v; return this; }
        public Builder refundReserved(BigDecimal v) { refundReserved = v; return this; }
        public Builder operation(OperationAttempt v) { operation = v; return this; }

        public Payment build() {
            return new Payment(paymentId, orderId, attempt, shopTransactionId, amount, currency, state, version,
                    bankTransactionId, authorizationCode, errorCode, errorDescription, declineReason, buyer,
                    shippingAddress, billingAddress, customInfo, language, returnUrl, redirectUrl, agreementId, reconcileAttempts,
                    reconcileExhausted, createdAt, updatedAt, resolvedAt, addressesReadAt, refundedAmount, refundReserved,
                    operation);
        }
    }
}
