package com.axpay.soap;

/** The transaction was already processed (1137, 4707): read its state with callReadTrxS2S instead of repeating. */
public class AxerveAlreadyProcessedException extends AxerveException {
    public AxerveAlreadyProcessedException(String operation, AxerveResult result) {
        super(operation, result, "already processed");
    }
}
