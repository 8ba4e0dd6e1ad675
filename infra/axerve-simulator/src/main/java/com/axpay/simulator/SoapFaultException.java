package com.axpay.simulator;

/**
 * A request the SOAP layer cannot accept; answered as a Fault with HTTP 500 (as ASMX does). {@code faultCode} is the
 * SOAP 1.1 name without prefix (Client, Server, VersionMismatch); the version decides how it is written.
 */
final class SoapFaultException extends Exception {
    final String faultCode;

    SoapFaultException(String faultCode, String faultString) {
        super(faultString, null, false, false);
        this.faultCode = faultCode;
    }
}
