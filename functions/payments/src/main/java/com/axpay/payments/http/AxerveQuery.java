package com.axpay.payments.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.validation.ResultStrings;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.Requests;

/**
 * The {@code a} (shop login) and {@code b} (encrypted result string) query parameters Axerve puts on both the
 * server-to-server notification and the buyer's return, checked the same way before Axerve is asked to decrypt.
 */
public record AxerveQuery(String a, String b) {

    public static AxerveQuery of(APIGatewayV2HTTPEvent event) {
        return new AxerveQuery(Requests.query(event, "a"), Requests.query(event, "b"));
    }

    /** Both parameters present and not blank. */
    public boolean complete() {
        return a != null && !a.isBlank() && b != null && !b.isBlank();
    }

    /** A result string Axerve could have written; another one is refused without a Decrypt call. */
    public boolean plausible() {
        return ResultStrings.plausible(b);
    }

    /** The 400 answer when {@link #complete()} is false. */
    public static APIGatewayV2HTTPResponse incomplete() {
        return HttpResponses.error(400, "invalid_request", "query parameters a and b are required");
    }
}
