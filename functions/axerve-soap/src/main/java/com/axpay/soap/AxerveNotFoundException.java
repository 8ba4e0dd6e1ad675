package com.axpay.soap;

/** Axerve does not know the transaction (2011). */
public class AxerveNotFoundException extends AxerveException {
    public AxerveNotFoundException(String operation, AxerveResult result) {
        super(operation, result, "transaction not found");
    }
}
