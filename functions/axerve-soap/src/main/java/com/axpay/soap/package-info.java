/**
 * Axerve (ex GestPay) SOAP client for the Amazon Pay flows: {@link com.axpay.soap.AxerveClient} over WSCryptDecrypt
 * (Encrypt, Decrypt) and WSs2s (callPagamS2S, callReadTrxS2S, callRefundS2S, callSettleS2S, callDeleteS2S,
 * callDeleteTokenS2S), typed results ({@link com.axpay.soap.AxerveResult}) and typed failures
 * ({@link com.axpay.soap.AxerveException} and subclasses). Built on Metro's {@code Dispatch} in PAYLOAD mode; each
 * operation is described once, as data, in {@code AxerveOperation} (its parameters in Axerve's order, their wire
 * names, what is required), and one JAXB type ({@code wire.Params}) carries every request and response; no WSDL is
 * read at run time. Responses go through a bounded HTTP
 * transport ({@code transport} package) and Metro's StAX parser with DTDs off, so entity tricks are rejected.
 */
package com.axpay.soap;
