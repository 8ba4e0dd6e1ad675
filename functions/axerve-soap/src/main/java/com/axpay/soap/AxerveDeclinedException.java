package com.axpay.soap;

/** Axerve refused the payment or operation (card/Amazon decline, buyer abandoned, token unusable, risk rule). Carries the full result; show the buyer a retry / other method. */
public class AxerveDeclinedException extends AxerveException {
    public AxerveDeclinedException(String operation, AxerveResult result) {
        super(operation, result, "declined");
    }
}
