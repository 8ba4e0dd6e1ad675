package com.axpay.soap;

/** callDeleteS2S parameters (void an authorization). At least one id is required; cancelReason max 50. */
public record DeleteRequest(String shopTransactionId, String bankTransactionId, String cancelReason) {

    public DeleteRequest {
        if ((shopTransactionId == null || shopTransactionId.isBlank())
                && (bankTransactionId == null || bankTransactionId.isBlank())) {
            throw new IllegalArgumentException("shopTransactionId or bankTransactionId is required");
        }
        if (cancelReason != null && cancelReason.length() > 50) {
            throw new IllegalArgumentException("cancelReason is longer than 50 characters");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String shopTransactionId;
        private String bankTransactionId;
        private String cancelReason;

        private Builder() {
        }

        public Builder shopTransactionId(String shopTransactionId) {
            this.shopTransactionId = shopTransactionId;
            return this;
        }

        public Builder bankTransactionId(String bankTransactionId) {
            this.bankTransactionId = bankTransactionId;
            return this;
        }

        public Builder cancelReason(String cancelReason) {
            this.cancelReason = cancelReason;
            return this;
        }

        public DeleteRequest build() {
            return new DeleteRequest(shopTransactionId, bankTransactionId, cancelReason);
        }
    }
}
