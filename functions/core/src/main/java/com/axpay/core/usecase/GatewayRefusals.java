package com.axpay.core.usecase;

import com.axpay.core.port.GatewayException;

/** Whether Axerve saw an operation and refused it for this transaction (as opposed to failing to answer). */
final class GatewayRefusals {

    private GatewayRefusals() {
    }

    static boolean isRefusal(GatewayException e) {
        return e.kind() == GatewayException.Kind.INVALID_REQUEST || e.kind() == GatewayException.Kind.DECLINED
                || e.kind() == GatewayException.Kind.NOT_FOUND;
    }
}
