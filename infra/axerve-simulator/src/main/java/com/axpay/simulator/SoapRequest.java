package com.axpay.simulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A parsed SOAP 1.1 or 1.2 request. Like ASP.NET ASMX, parameters are matched by exact (case-sensitive) local name in the
 * service namespace; anything else is ignored, and element order does not matter.
 */
final class SoapRequest {
    private static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

    final String operation;
    final String namespace;
    private final Element operationElement;

    private SoapRequest(Element operationElement) {
        this.operationElement = operationElement;
        this.operation = operationElement.getLocalName();
        this.namespace = operationElement.getNamespaceURI();
    }

    /** @throws SoapFaultException when the body is not an envelope of that version with one operation element */
    static SoapRequest parse(byte[] body, SoapVersion version) throws SoapFaultException {
        Document doc;
        try {
            doc = SecureXml.parse(body);
        } catch (SAXException | IOException e) {
            throw new SoapFaultException("Client",
                    "Server was unable to read request. ---> There is an error in XML document.");
        }
        Element env = doc.getDocumentElement();
        if (!"Envelope".equals(env.getLocalName()) || !version.envelopeNs.equals(env.getNamespaceURI())) {
            throw new SoapFaultException("VersionMismatch", "Possible SOAP version mismatch: Envelope namespace "
                    + env.getNamespaceURI() + " was unexpected. Expecting " + version.envelopeNs + ".");
        }
        Element body1 = firstChild(env, version.envelopeNs, "Body");
        Element op = body1 == null ? null : firstElement(body1);
        if (op == null) {
            throw new SoapFaultException("Client", "Server did not recognize the value of HTTP Header SOAPAction: .");
        }
        return new SoapRequest(op);
    }

    /** Text of a direct parameter, null when absent or xsi:nil. */
    String param(String name) {
        Element e = firstChild(operationElement, namespace, name);
        if (e == null || "true".equals(e.getAttributeNS(XSI_NS, "nil"))) return null;
        return e.getTextContent().trim();
    }

    /** Texts of {@code container/item} children, e.g. paymentTypes/paymentType. */
    List<String> list(String container, String item) {
        List<String> out = new ArrayList<>();
        Element c = firstChild(operationElement, namespace, container);
        if (c == null) return out;
        for (Node n = c.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && item.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                out.add(e.getTextContent().trim());
            }
        }
        return out;
    }

    private static Element firstChild(Element parent, String ns, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && ns != null && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) return e;
        }
        return null;
    }
}
