package com.axpay.kit.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.kit.config.Secret;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.StorefrontAuth;

import java.util.List;

/**
 * A route the storefront calls: nothing is read or parsed before its Bearer key is checked, so a caller without the
 * key learns nothing (not even whether a payment id exists).
 */
public abstract class StorefrontHandler extends ApiHandler {

    private final StorefrontAuth auth;

    protected StorefrontHandler(String function, StorefrontAuth auth) {
        this(function, auth, List.of());
    }

    /** @param secrets read once the key matched, before the route's work (the Axerve apikey for Axerve calls) */
    protected StorefrontHandler(String function, StorefrontAuth auth, List<Secret> secrets) {
        super(function, secrets);
        this.auth = java.util.Objects.requireNonNull(auth, "storefront key");
    }

    @Override
    protected final APIGatewayV2HTTPResponse refuse(APIGatewayV2HTTPEvent event, long start) {
        if (!auth.allows(event)) {
            return answer(log.warn("storefront credential missing or wrong"), HttpResponses.unauthorized(), start);
        }
        return null;
    }

    @Override
    protected final APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, long start) {
        return handleAuthorized(event, start);
    }

    /** The route's own work, once the storefront key matched. */
    protected abstract APIGatewayV2HTTPResponse handleAuthorized(APIGatewayV2HTTPEvent event, long start);
}
