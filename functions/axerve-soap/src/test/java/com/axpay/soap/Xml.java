package com.axpay.soap;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.helpers.DefaultHandler;

/** Test-side XML reading, hardened like production code should be (no DTDs, no external entities). */
final class Xml {
    private Xml() {
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder db = f.newDocumentBuilder();
            db.setErrorHandler(new DefaultHandler()); // throw on fatal errors without printing them
            return db.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML", e);
        }
    }

    /** The SOAP Body's first element (the operation element) of a captured request. */
    static Element operation(String envelope) {
        Element body = firstByLocalName(parse(envelope).getDocumentElement(), "Body");
        return children(body).get(0);
    }

    static Element firstByLocalName(Element root, String localName) {
        if (localName.equals(root.getLocalName())) {
            return root;
        }
        for (Element c : children(root)) {
            Element hit = firstByLocalName(c, localName);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static List<String> childNames(Element parent) {
        List<String> out = new ArrayList<>();
        for (Element e : children(parent)) {
            out.add(e.getLocalName());
        }
        return out;
    }

    static String childText(Element parent, String localName) {
        for (Element e : children(parent)) {
            if (localName.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        return null;
    }
}
