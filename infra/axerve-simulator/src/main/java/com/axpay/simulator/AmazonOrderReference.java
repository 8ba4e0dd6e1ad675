package com.axpay.simulator;

import java.time.Instant;

/**
 * An Amazon Order Reference (S02-...) or Billing Agreement (C02-...) the simulated widgets created when the buyer
 * signed in, with what the buyer chose in them: shipping address, wallet method (= scenario) and, for a billing
 * agreement, the consent to future charges. callPagamS2S accepts only ids issued here or registered by the admin API.
 */
final class AmazonOrderReference {
    enum Type { ORDER_REFERENCE, BILLING_AGREEMENT }

    final String id;
    final Type type;
    final String sellerId;
    final String buyerEmail;
    final Instant created = Instant.now();
    private Integer addressIndex;
    private Scenario method;
    private boolean consent;

    AmazonOrderReference(String id, Type type, String sellerId, String buyerEmail) {
        this.id = id;
        this.type = type;
        this.sellerId = sellerId;
        this.buyerEmail = buyerEmail;
    }

    synchronized void select(Integer addressIndex, Scenario method, Boolean consent) {
        if (addressIndex != null) this.addressIndex = addressIndex;
        if (method != null) this.method = method;
        if (consent != null && type == Type.BILLING_AGREEMENT) this.consent = consent;
    }

    /** Null until the buyer's address book selection reached Amazon. */
    synchronized Address address() { return addressIndex == null ? null : Address.BOOK.get(addressIndex); }

    synchronized Integer addressIndex() { return addressIndex; }

    synchronized Scenario method() { return method; }

    synchronized boolean consent() { return consent; }

    /**
     * What a charge of this id plays: the chosen wallet method, or Amazon's refusal when the buyer left the address
     * book or the wallet without a choice.
     */
    synchronized Scenario scenario() {
        if (addressIndex == null) return Scenario.SHIPPING_ADDRESS_NOT_SET;
        if (method == null) return Scenario.PAYMENT_PLAN_NOT_SET;
        return method;
    }
}
