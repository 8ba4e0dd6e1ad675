package com.axpay.simulator;

import java.util.Arrays;
import java.util.Optional;

/** How charges on a token behave; settable over the admin API for dunning tests. */
enum TokenMode {
    OK("ok", Scenario.SUCCESS),
    SOFT_DECLINE("soft-decline", Scenario.INVALID_PAYMENT_METHOD_SOFT),
    HARD_DECLINE("hard-decline", Scenario.INVALID_PAYMENT_METHOD_HARD),
    AMAZON_REJECTED("amazon-rejected", Scenario.AMAZON_REJECTED),
    TIMED_OUT("timed-out", Scenario.TRANSACTION_TIMED_OUT);

    final String id;
    final Scenario scenario;

    TokenMode(String id, Scenario scenario) {
        this.id = id;
        this.scenario = scenario;
    }

    static Optional<TokenMode> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
