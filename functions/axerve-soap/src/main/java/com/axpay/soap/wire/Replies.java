package com.axpay.soap.wire;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.annotation.XmlElementDecl;
import jakarta.xml.bind.annotation.XmlRegistry;

/**
 * The response elements JAXB must recognise, one registry per service so each service's context holds only its
 * own. Only the annotations are read: JAXB builds the {@code JAXBElement}s itself when it unmarshals.
 */
public final class Replies {
    private static final String CRYPT = "https://ecomm.sella.it/";
    private static final String S2S = "https://ecomms2s.sella.it/";

    private Replies() {
    }

    /** WSCryptDecrypt. */
    @XmlRegistry
    public static final class Crypt {
        @XmlElementDecl(namespace = CRYPT, name = "EncryptResponse")
        public JAXBElement<Params> encrypt(Params p) { return null; }

        @XmlElementDecl(namespace = CRYPT, name = "DecryptResponse")
        public JAXBElement<Params> decrypt(Params p) { return null; }
    }

    /** WSs2s. */
    @XmlRegistry
    public static final class S2s {
        @XmlElementDecl(namespace = S2S, name = "callPagamS2SResponse")
        public JAXBElement<Params> pagam(Params p) { return null; }

        @XmlElementDecl(namespace = S2S, name = "callReadTrxS2SResponse")
        public JAXBElement<Params> readTrx(Params p) { return null; }

        @XmlElementDecl(namespace = S2S, name = "callRefundS2SResponse")
        public JAXBElement<Params> refund(Params p) { return null; }

        @XmlElementDecl(namespace = S2S, name = "callSettleS2SResponse")
        public JAXBElement<Params> settle(Params p) { return null; }

        @XmlElementDecl(namespace = S2S, name = "callDeleteS2SResponse")
        public JAXBElement<Params> delete(Params p) { return null; }

        @XmlElementDecl(namespace = S2S, name = "callDeleteTokenS2SResponse")
        public JAXBElement<Params> deleteToken(Params p) { return null; }
    }
}
