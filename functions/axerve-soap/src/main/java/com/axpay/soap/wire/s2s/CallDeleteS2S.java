package com.axpay.soap.wire.s2s;

import com.axpay.soap.DeleteRequest;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** callDeleteS2S request: note {@code CancelReason} with a capital C. */
@XmlRootElement(name = "callDeleteS2S")
@XmlType(propOrder = {"shopLogin", "shopTransactionId", "bankTransactionId", "cancelReason", "apikey"})
public class CallDeleteS2S {
    private String shopLogin;
    private String shopTransactionId;
    private String bankTransactionId;
    @XmlElement(name = "CancelReason")
    private String cancelReason;
    private String apikey;

    protected CallDeleteS2S() {
    }

    public CallDeleteS2S(String shopLogin, DeleteRequest r, String apikey) {
        this.shopLogin = shopLogin;
        this.shopTransactionId = r.shopTransactionId();
        this.bankTransactionId = r.bankTransactionId();
        this.cancelReason = r.cancelReason();
        this.apikey = apikey;
    }
}
