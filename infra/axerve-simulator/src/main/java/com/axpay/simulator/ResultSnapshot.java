package com.axpay.simulator;

/** A transaction's result frozen at one moment; what an encrypted result string (the {@code b}) stands for. */
record ResultSnapshot(String shopLogin, String shopTransactionId, String bankTransactionId, String result,
                      int errorCode, String errorDescription, String authorizationCode, String uicCode, String amount,
                      String buyerName, String buyerEmail, String customInfo, String token, String tokenExpiryMonth,
                      String tokenExpiryYear) {}
