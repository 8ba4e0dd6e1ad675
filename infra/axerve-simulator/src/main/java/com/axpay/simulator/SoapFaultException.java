package com.axpay.simulator;

/** A request the SOAP layer cannot accept; answered as a SOAP 1.1 Fault with HTTP 500 (as ASMX does). */
final class SoapFaultException extends Exception {
    final String faultCode;

    SoapFaultException(String faultCode, String faultString) {
        super(faultString, null, false, false);
        this.faultCode = faultCode;
    }
}
