package com.axpay.soap;

/** Axerve answered with its technical error (9999): it may or may not have processed the request. */
public class AxerveSystemException extends AxerveException {
    public AxerveSystemException(String operation, AxerveResult result) {
        super(operation, result, "Axerve system error");
    }

    @Override
    public boolean outcomeUnknown() {
        return true;
    }
}
