package com.axpay.soap;

/**
 * callSettleS2S parameters; on the wire the ids are {@code shopTransID} / {@code bankTransID} (Axerve's names for
 * this one operation). At least one id is required.
 */
public record SettleRequest(String uicCode, String amount, String shopTransactionId, String bankTransactionId) {

    public SettleRequest {
        Require.uicCode(uicCode);
        Require.amount(amount);
        if (isBlank(shopTransactionId) && isBlank(bankTransactionId)) {
            throw new IllegalArgumentException("shopTransactionId or bankTransactionId is required");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String uicCode;
        private String amount;
        private String shopTransactionId;
        private String bankTransactionId;

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

        public SettleRequest build() {
            return new SettleRequest(uicCode, amount, shopTransactionId, bankTransactionId);
        }
    }
}
