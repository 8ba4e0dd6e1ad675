package com.axpay.soap.wire.crypt;

import com.axpay.soap.wire.AnyPayload;
import com.axpay.soap.wire.ResultWrapper;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

@XmlRootElement(name = "DecryptResponse")
public class DecryptResponse implements ResultWrapper {
    @XmlElement(name = "DecryptResult")
    private AnyPayload result;

    @Override
    public AnyPayload result() {
        return result;
    }
}
