package com.axpay.simulator;

/** Read-only view of a token for tests and the admin API. */
public record TokenView(String token, String shopLogin, String state, String mode, Integer modeRemaining,
                        int chargeCount, String expiryMonth, String expiryYear) {}
