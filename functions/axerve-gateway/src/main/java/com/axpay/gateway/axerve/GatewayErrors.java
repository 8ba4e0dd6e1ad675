package com.axpay.gateway.axerve;

import com.axpay.core.port.GatewayException;
import com.axpay.core.port.GatewayException.Kind;
import com.axpay.soap.AxerveAlreadyProcessedException;
import com.axpay.soap.AxerveAuthenticationException;
import com.axpay.soap.AxerveDeclinedException;
import com.axpay.soap.AxerveException;
import com.axpay.soap.AxerveInvalidRequestException;
import com.axpay.soap.AxerveNotFoundException;
import com.axpay.soap.AxerveSystemException;
import com.axpay.soap.AxerveTransportException;
import com.axpay.soap.ErrorCodeTable;

/** Every AxerveException as core's GatewayException, keeping Axerve's code and whether the outcome is unknown. */
final class GatewayErrors {

    private GatewayErrors() {
    }

    static GatewayException toGatewayException(AxerveException e) {
        GatewayException.Refusal refusal = e instanceof AxerveInvalidRequestException
                && ErrorCodeTable.classify(e.errorCode()) == ErrorCodeTable.Kind.INSUFFICIENT_BALANCE
                ? GatewayException.Refusal.INSUFFICIENT_BALANCE : null;
        return new GatewayException(kind(e), e.errorCode(), e.outcomeUnknown(), refusal, e.getMessage(), e);
    }

    static Kind kind(AxerveException e) {
        if (e instanceof AxerveTransportException t) {
            return t.reason() == AxerveTransportException.Reason.READ_TIMEOUT
                    || t.reason() == AxerveTransportException.Reason.CONNECT_TIMEOUT ? Kind.TIMEOUT : Kind.TRANSPORT;
        }
        if (e instanceof AxerveDeclinedException) {
            return Kind.DECLINED;
        }
        if (e instanceof AxerveInvalidRequestException) {
            return Kind.INVALID_REQUEST;
        }
        if (e instanceof AxerveAuthenticationException) {
            return Kind.AUTH;
        }
        if (e instanceof AxerveAlreadyProcessedException) {
            return Kind.ALREADY_PROCESSED;
        }
        if (e instanceof AxerveNotFoundException) {
            return Kind.NOT_FOUND;
        }
        if (e instanceof AxerveSystemException) {
            return Kind.SYSTEM;
        }
        return Kind.TRANSPORT; // a new subclass: treat as "no usable answer", never as a verdict
    }
}
