package com.axpay.soap.wire.s2s;

import com.axpay.soap.wire.AnyPayload;
import com.axpay.soap.wire.ResultWrapper;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

@XmlRootElement(name = "callSettleS2SResponse")
public class CallSettleS2SResponse implements ResultWrapper {
    @XmlElement(name = "callSettleS2SResult")
    private AnyPayload result;

    @Override
    public AnyPayload result() {
        return result;
    }
}
