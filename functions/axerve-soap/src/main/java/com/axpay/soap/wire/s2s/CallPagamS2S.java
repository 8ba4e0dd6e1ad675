package com.axpay.soap.wire.s2s;

import com.axpay.soap.PagamRequest;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** callPagamS2S request; propOrder is the subset we send, in Axerve's order (PROTOCOL.md §2.2). */
@XmlRootElement(name = "callPagamS2S")
@XmlType(propOrder = {"shopLogin", "uicCode", "amount", "shopTransactionId", "buyerName", "buyerEmail",
        "languageId", "transKey", "customInfo", "tokenValue", "clientIP", "recurrent", "paymentTypes", "apikey"})
public class CallPagamS2S {
    private String shopLogin;
    private String uicCode;
    private String amount;
    private String shopTransactionId;
    private String buyerName;
    private String buyerEmail;
    private Integer languageId;
    private String transKey;
    private String customInfo;
    private String tokenValue;
    private String clientIP;
    private Boolean recurrent;
    @XmlElementWrapper(name = "paymentTypes")
    @XmlElement(name = "paymentType")
    private List<String> paymentTypes;
    private String apikey;

    protected CallPagamS2S() {
    }

    public CallPagamS2S(String shopLogin, PagamRequest r, String apikey) {
        this.shopLogin = shopLogin;
        this.uicCode = r.uicCode();
        this.amount = r.amount();
        this.shopTransactionId = r.shopTransactionId();
        this.buyerName = r.buyerName();
        this.buyerEmail = r.buyerEmail();
        this.languageId = r.languageId();
        this.transKey = r.transKey();
        this.customInfo = r.customInfo();
        this.tokenValue = r.tokenValue();
        this.clientIP = r.clientIP();
        this.recurrent = r.recurrent();
        this.paymentTypes = r.paymentTypes().isEmpty() ? null : r.paymentTypes();
        this.apikey = apikey;
    }
}
