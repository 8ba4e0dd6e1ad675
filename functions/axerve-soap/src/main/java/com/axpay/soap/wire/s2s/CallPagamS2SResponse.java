package com.axpay.soap.wire.s2s;

import com.axpay.soap.wire.AnyPayload;
import com.axpay.soap.wire.ResultWrapper;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

@XmlRootElement(name = "callPagamS2SResponse")
public class CallPagamS2SResponse implements ResultWrapper {
    @XmlElement(name = "callPagamS2SResult")
    private AnyPayload result;

    @Override
    public AnyPayload result() {
        return result;
    }
}
