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

/**
 * The process-wide JAXBContexts, one per service (thread-safe, expensive to build). Each is built on its first use
 * by the JVM's class initialization, so a function that only encrypts never pays for the WSs2s classes.
 */
final class WireContext {
    private WireContext() {
    }

    /** WSCryptDecrypt: Encrypt, Decrypt. */
    static JAXBContext crypt() {
        return Crypt.CONTEXT;
    }

    /** WSs2s: callPagamS2S, callReadTrxS2S, callRefundS2S, callSettleS2S, callDeleteS2S, callDeleteTokenS2S. */
    static JAXBContext s2s() {
        return S2s.CONTEXT;
    }

    private static final class Crypt {
        static final JAXBContext CONTEXT = create(Encrypt.class, EncryptResponse.class, Decrypt.class,
                DecryptResponse.class);
    }

    private static final class S2s {
        static final JAXBContext CONTEXT = create(CallPagamS2S.class, CallPagamS2SResponse.class,
                CallReadTrxS2S.class, CallReadTrxS2SResponse.class, CallRefundS2S.class, CallRefundS2SResponse.class,
                CallSettleS2S.class, CallSettleS2SResponse.class, CallDeleteS2S.class, CallDeleteS2SResponse.class,
                CallDeleteTokenS2S.class, CallDeleteTokenS2SResponse.class);
    }

    private static JAXBContext create(Class<?>... classes) {
        try {
            return JAXBContext.newInstance(classes);
        } catch (JAXBException e) {
            throw new IllegalStateException("Axerve JAXB classes are inconsistent", e);
        }
    }
}
