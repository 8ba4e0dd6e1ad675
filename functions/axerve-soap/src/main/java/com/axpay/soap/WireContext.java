package com.axpay.soap;

import com.axpay.soap.wire.crypt.Decrypt;
import com.axpay.soap.wire.crypt.DecryptResponse;
import com.axpay.soap.wire.crypt.Encrypt;
import com.axpay.soap.wire.crypt.EncryptResponse;
import com.axpay.soap.wire.s2s.CallDeleteS2S;
import com.axpay.soap.wire.s2s.CallDeleteS2SResponse;
import com.axpay.soap.wire.s2s.CallDeleteTokenS2S;
import com.axpay.soap.wire.s2s.CallDeleteTokenS2SResponse;
import com.axpay.soap.wire.s2s.CallPagamS2S;
import com.axpay.soap.wire.s2s.CallPagamS2SResponse;
import com.axpay.soap.wire.s2s.CallReadTrxS2S;
import com.axpay.soap.wire.s2s.CallReadTrxS2SResponse;
import com.axpay.soap.wire.s2s.CallRefundS2S;
import com.axpay.soap.wire.s2s.CallRefundS2SResponse;
import com.axpay.soap.wire.s2s.CallSettleS2S;
import com.axpay.soap.wire.s2s.CallSettleS2SResponse;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

/** The process-wide JAXBContext (thread-safe, expensive to build: built once, on first use). */
final class WireContext {
    static final JAXBContext JAXB = create();

    private WireContext() {
    }

    private static JAXBContext create() {
        try {
            return JAXBContext.newInstance(Encrypt.class, EncryptResponse.class, Decrypt.class, DecryptResponse.class,
                    CallPagamS2S.class, CallPagamS2SResponse.class, CallReadTrxS2S.class, CallReadTrxS2SResponse.class,
                    CallRefundS2S.class, CallRefundS2SResponse.class, CallSettleS2S.class, CallSettleS2SResponse.class,
                    CallDeleteS2S.class, CallDeleteS2SResponse.class, CallDeleteTokenS2S.class,
                    CallDeleteTokenS2SResponse.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("Axerve JAXB classes are inconsistent", e);
        }
    }
}
