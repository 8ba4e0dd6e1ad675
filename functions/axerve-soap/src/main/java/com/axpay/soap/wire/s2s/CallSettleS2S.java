package com.axpay.soap.wire.s2s;

import com.axpay.soap.SettleRequest;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * callSettleS2S request. Axerve names the ids {@code shopTransID} / {@code bankTransID} here, and a mis-cased
 * {@code bankTransId} is silently ignored (KO 2016, PROTOCOL.md §2.6).
 */
@XmlRootElement(name = "callSettleS2S")
@XmlType(propOrder = {"shopLogin", "uicCode", "amount", "shopTransID", "bankTransID", "apikey"})
public class CallSettleS2S {
    private String shopLogin;
    private String uicCode;
    private String amount;
    private String shopTransID;
    private String bankTransID;
    private String apikey;

    protected CallSettleS2S() {
    }

    public CallSettleS2S(String shopLogin, SettleRequest r, String apikey) {
        this.shopLogin = shopLogin;
        this.uicCode = r.uicCode();
        this.amount = r.amount();
        this.shopTransID = r.shopTransactionId();
        this.bankTransID = r.bankTransactionId();
        this.apikey = apikey;
    }
}
