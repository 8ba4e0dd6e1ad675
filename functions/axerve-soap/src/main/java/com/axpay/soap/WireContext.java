package com.axpay.soap;

import com.axpay.soap.wire.Params;
import com.axpay.soap.wire.Replies;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

/**
 * The process-wide JAXBContexts, one per service (thread-safe, expensive to build). Each is built on its first use
 * by the JVM's class initialization, so a function that only encrypts never pays for the WSs2s registry.
 */
final class WireContext {
    private WireContext() {
    }

    static JAXBContext of(AxerveOperation.Service service) {
        return service == AxerveOperation.Service.CRYPT ? Crypt.CONTEXT : S2s.CONTEXT;
    }

    private static final class Crypt {
        static final JAXBContext CONTEXT = create(Replies.Crypt.class);
    }

    private static final class S2s {
        static final JAXBContext CONTEXT = create(Replies.S2s.class);
    }

    private static JAXBContext create(Class<?> registry) {
        try {
            return JAXBContext.newInstance(Params.class, registry);
        } catch (JAXBException e) {
            throw new IllegalStateException("Axerve JAXB classes are inconsistent", e);
        }
    }
}
