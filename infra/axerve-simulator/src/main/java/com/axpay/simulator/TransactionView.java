package com.axpay.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Read-only view of a transaction for tests and the admin API (no buyer name or e-mail). */
public record TransactionView(String shopLogin, String shopTransactionId, String bankTransactionId, String origin,
                              String status, String result, Integer errorCode, String state, String uicCode,
                              String amount, BigDecimal capturedAmount, BigDecimal refundedAmount,
                              List<TransactionEvent> events, String token, String scenario,
                              String amazonOrderReferenceId, String orderReferenceState, String reasonCode,
                              String billingAgreement, Map<String, String> customInfo, Instant created) {}
