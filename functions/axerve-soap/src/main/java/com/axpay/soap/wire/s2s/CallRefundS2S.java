package com.axpay.soap.wire.s2s;

import com.axpay.soap.RefundRequest;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** callRefundS2S request (PROTOCOL.md §2.4): note {@code RefundReason} with a capital R. */
@XmlRootElement(name = "callRefundS2S")
@XmlType(propOrder = {"shopLogin", "uicCode", "amount", "shopTransactionId", "bankTransactionId", "refundReason",
        "chargeBackFraud", "apikey"})
public class CallRefundS2S {
    private String shopLogin;
    private String uicCode;
    private String amount;
    private String shopTransactionId;
    private String bankTransactionId;
    @XmlElement(name = "RefundReason")
    private String refundReason;
    private String chargeBackFraud;
    private String apikey;

    protected CallRefundS2S() {
    }

    public CallRefundS2S(String shopLogin, RefundRequest r, String apikey) {
        this.shopLogin = shopLogin;
        this.uicCode = r.uicCode();
        this.amount = r.amount();
        this.shopTransactionId = r.shopTransactionId();
        this.bankTransactionId = r.bankTransactionId();
        this.refundReason = r.refundReason();
        this.chargeBackFraud = r.chargeBackFraud() == null ? null : r.chargeBackFraud() ? "Y" : "N";
        this.apikey = apikey;
    }
}
