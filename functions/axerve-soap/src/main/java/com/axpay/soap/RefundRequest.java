package com.axpay.soap;

/** callRefundS2S parameters (partial refunds allowed). {@code chargeBackFraud} is sent as Y/N when set. */
public record RefundRequest(String uicCode, String amount, String shopTransactionId, String bankTransactionId,
        String refundReason, Boolean chargeBackFraud) {

    public RefundRequest {
        Require.uicCode(uicCode);
        Require.amount(amount);
        Require.nonBlank("shopTransactionId", shopTransactionId);
        Require.nonBlank("bankTransactionId", bankTransactionId);
        if (refundReason != null && refundReason.length() > 50) {
            throw new IllegalArgumentException("refundReason is longer than 50 characters");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String uicCode;
        private String amount;
        private String shopTransactionId;
        private String bankTransactionId;
        private String refundReason;
        private Boolean chargeBackFraud;

        private Builder() {
        }

        public Builder uicCode(String uicCode) {
            this.uicCode = uicCode;
            return this;
        }

        public Builder amount(String amount) {
            this.amount = amount;
            return this;
        }

        public Builder shopTransactionId(String shopTransactionId) {
            this.shopTransactionId = shopTransactionId;
            return this;
        }

        public Builder bankTransactionId(String bankTransactionId) {
            this.bankTransactionId = bankTransactionId;
            return this;
        }

        public Builder refundReason(String refundReason) {
            this.refundReason = refundReason;
            return this;
        }

        public Builder chargeBackFraud(boolean chargeBackFraud) {
            this.chargeBackFraud = chargeBackFraud;
            return this;
        }

        public RefundRequest build() {
            return new RefundRequest(uicCode, amount, shopTransactionId, bankTransactionId, refundReason,
                    chargeBackFraud);
        }
    }
}
