package com.axpay.soap.wire.crypt;

import com.axpay.soap.EncryptRequest;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** Encrypt request; propOrder is the subset we send, in Axerve's WSDL order (PROTOCOL.md §1.2). */
@XmlRootElement(name = "Encrypt")
@XmlType(propOrder = {"shopLogin", "uicCode", "amount", "shopTransactionId", "buyerName", "buyerEmail",
        "languageId", "customInfo", "requestToken", "paymentTypes", "amazonPayBillingAgreementDescription", "apikey"})
public class Encrypt {
    private String shopLogin;
    private String uicCode;
    private String amount;
    private String shopTransactionId;
    private String buyerName;
    private String buyerEmail;
    private Integer languageId;
    private String customInfo;
    private String requestToken;
    @XmlElementWrapper(name = "paymentTypes")
    @XmlElement(name = "paymentType")
    private List<String> paymentTypes;
    private String amazonPayBillingAgreementDescription;
    private String apikey;

    protected Encrypt() {
    }

    public Encrypt(String shopLogin, EncryptRequest r, String apikey) {
        this.shopLogin = shopLogin;
        this.uicCode = r.uicCode();
        this.amount = r.amount();
        this.shopTransactionId = r.shopTransactionId();
        this.buyerName = r.buyerName();
        this.buyerEmail = r.buyerEmail();
        this.languageId = r.languageId();
        this.customInfo = r.customInfo();
        this.requestToken = r.requestToken();
        this.paymentTypes = r.paymentTypes().isEmpty() ? null : r.paymentTypes();
        this.amazonPayBillingAgreementDescription = r.amazonPayBillingAgreementDescription();
        this.apikey = apikey;
    }
}
