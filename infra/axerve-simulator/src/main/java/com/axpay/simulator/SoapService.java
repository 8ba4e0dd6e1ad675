package com.axpay.simulator;

import java.util.Set;

/** One ASMX service: its namespace, payload root element, operations and WSDL. */
interface SoapService {
    String namespace();

    /** GestPayCryptDecrypt or GestPayS2S. */
    String payloadName();

    Set<String> operations();

    /** Classpath resource of the WSDL template. */
    String wsdlResource();

    /** Runs a known operation and returns its payload (business KOs included). */
    XmlNode invoke(SoapRequest request, String callerIp);
}
