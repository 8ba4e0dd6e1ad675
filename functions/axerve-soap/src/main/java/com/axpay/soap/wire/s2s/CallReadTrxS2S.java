package com.axpay.soap.wire.s2s;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

@XmlRootElement(name = "callReadTrxS2S")
@XmlType(propOrder = {"shopLogin", "shopTransactionId", "bankTransactionId", "apikey"})
public class CallReadTrxS2S {
    private String shopLogin;
    private String shopTransactionId;
    private String bankTransactionId;
    private String apikey;

    protected CallReadTrxS2S() {
    }

    public CallReadTrxS2S(String shopLogin, String shopTransactionId, String bankTransactionId, String apikey) {
        this.shopLogin = shopLogin;
        this.shopTransactionId = shopTransactionId;
        this.bankTransactionId = bankTransactionId;
        this.apikey = apikey;
    }
}
