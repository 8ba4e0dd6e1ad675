package com.axpay.core.validation;

import java.util.regex.Pattern;

/**
 * The one rule for the ids callers send, in a path or a body (paymentId, agreementId, orderId, refundId, chargeId):
 * 1 to 64 of {@code A-Z a-z 0-9 _ -}. Every id we issue fits it, so a path id outside it names nothing (404) and is
 * never sent to the store, whose keys have their own limits (DynamoDB: 2048 bytes).
 */
public final class Ids {

    public static final int MAX_LENGTH = 64;
    public static final String PATTERN = "[A-Za-z0-9_-]{1," + MAX_LENGTH + "}";
    public static final String RULE = "1 to " + MAX_LENGTH + " letters, digits, '_' or '-'";
    private static final Pattern ID = Pattern.compile(PATTERN);

    private Ids() {
    }

    public static boolean wellFormed(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
