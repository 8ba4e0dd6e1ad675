package com.axpay.soap.wire.s2s;

import com.axpay.soap.wire.AnyPayload;
import com.axpay.soap.wire.ResultWrapper;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

@XmlRootElement(name = "callDeleteTokenS2SResponse")
public class CallDeleteTokenS2SResponse implements ResultWrapper {
    @XmlElement(name = "callDeleteTokenS2SResult")
    private AnyPayload result;

    @Override
    public AnyPayload result() {
        return result;
    }
}
