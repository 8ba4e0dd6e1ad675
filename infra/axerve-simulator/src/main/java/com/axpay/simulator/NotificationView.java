package com.axpay.simulator;

import java.time.Instant;
import java.util.List;

/** One S2S notification copy and its delivery attempts. */
public record NotificationView(long id, String shopLogin, String shopTransactionId, String result, String url,
                               String b, int copy, boolean delivered, List<Attempt> attempts) {
    /** @param status HTTP status, or 0 when the receiver could not be reached */
    public record Attempt(int attempt, int status, String error, Instant at) {}
}
