package com.axpay.soap.wire.s2s;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** callDeleteTokenS2S request: {@code tokenValue} comes first here. */
@XmlRootElement(name = "callDeleteTokenS2S")
@XmlType(propOrder = {"tokenValue", "shopLogin", "apikey"})
public class CallDeleteTokenS2S {
    private String tokenValue;
    private String shopLogin;
    private String apikey;

    protected CallDeleteTokenS2S() {
    }

    public CallDeleteTokenS2S(String tokenValue, String shopLogin, String apikey) {
        this.tokenValue = tokenValue;
        this.shopLogin = shopLogin;
        this.apikey = apikey;
    }
}
