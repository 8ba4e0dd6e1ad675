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
        return switch (e) {
            case AxerveTransportException t -> t.reason() == AxerveTransportException.Reason.READ_TIMEOUT
                    || t.reason() == AxerveTransportException.Reason.CONNECT_TIMEOUT ? Kind.TIMEOUT : Kind.TRANSPORT;
            case AxerveDeclinedException _ -> Kind.DECLINED;
            case AxerveInvalidRequestException _ -> Kind.INVALID_REQUEST;
            case AxerveAuthenticationException _ -> Kind.AUTH;
            case AxerveAlreadyProcessedException _ -> Kind.ALREADY_PROCESSED;
            case AxerveNotFoundException _ -> Kind.NOT_FOUND;
            case AxerveSystemException _ -> Kind.SYSTEM;
            default -> Kind.TRANSPORT; // a new subclass: treat as "no usable answer", never as a verdict
        };
    }
}
