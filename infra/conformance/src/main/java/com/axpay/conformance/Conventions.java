package com.axpay.conformance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulator's conventions, by the ids its README gives them (a test keeps both lists equal). Each is checked by
 * the steps tagged with its id: confirmed when they were reached and answered alike, contradicted when any differed.
 */
final class Conventions {
    static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("soap12", "SOAP 1.2 is served on the same address as SOAP 1.1");
        ALL.put("soapaction-required", "SOAP 1.1 without SOAPAction is a soap:Client fault");
        ALL.put("content-type", "a Content-Type other than text/xml or application/soap+xml is a soap:Client fault");
        ALL.put("decrypt-vbv", "Decrypt has flat VbVRisp, VbVBuyer, VbVFlag between AlertDescription and TransactionKey");
        ALL.put("pagam-ko-full", "every callPagamS2S refusal carries the full PAGAM payload");
        ALL.put("custominfo-percent", "a customInfo value may carry % only percent-encoded (%2B passes, a bare % is 1105)");
        ALL.put("readtrx-draft", "callReadTrxS2S OrderReferenceStatus/State is Draft for a captured payment");
        ALL.put("readtrx-no-amount", "callReadTrxS2S has no Amount element");
        ALL.put("address-line2", "PhysicalDestination has AddressLine2 only when the address has a second line");
        ALL.put("crypt-string", "Encrypt answers OK with a CryptDecryptString and nothing else but the common fields");
        ALL.put("decrypt-invalid", "Decrypt of a string Axerve did not issue is KO 1100; with no shopLogin KO 9999");
        ALL.put("validation-codes", "refusals: unknown shop 1131, missing field 1108, forbidden character 1105");
        ALL.put("reused-id", "a shopTransactionId with a result: Encrypt AMAZONPAY 1137, callPagamS2S 4707");
        ALL.put("readtrx-unfinished", "callReadTrxS2S of a payment whose buyer never finished is 2011");
        ALL.put("immediate-capture", "Amazon Pay via Axerve captures at once: TransactionState MOV, events AUT and MOV");
        ALL.put("wrong-state", "settle of a captured payment is 2019, delete of a captured payment 2017");
        ALL.put("refund-events", "refunds: partial OK, over the balance 2014, full makes the state STO");
        ALL.put("deferred-capture", "separate capture: settle over the authorization 8014, settle OK once, delete of an AUT");
        ALL.put("paynowandrecurring", "paynowandrecurring charges and returns TOKEN, TokenExpiryMonth, TokenExpiryYear in Decrypt");
        ALL.put("onlyrecurring", "onlyrecurring returns a TOKEN with Amount 0.00 and charges nothing");
        ALL.put("token-charges", "callPagamS2S with tokenValue charges; after callDeleteTokenS2S the token is 1165");
        ALL.put("amazon-declines", "an Amazon decline is KO 74 with the Amazon reason in OrderReferenceStatus");
        ALL.put("s2s-for-ko", "S2S notifications are sent for every result, KO 1143 included");
    }

    private Conventions() {}
}
