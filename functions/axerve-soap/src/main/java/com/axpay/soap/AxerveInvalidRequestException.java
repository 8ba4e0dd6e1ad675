package com.axpay.soap;

/** Axerve rejected the call's parameters or the transaction's state (11xx parameter errors, not refundable/settleable/deletable, amount above balance, ...). Our bug or a stale state: do not retry unchanged. */
public class AxerveInvalidRequestException extends AxerveException {
    public AxerveInvalidRequestException(String operation, AxerveResult result) {
        super(operation, result, "invalid request");
    }
}
