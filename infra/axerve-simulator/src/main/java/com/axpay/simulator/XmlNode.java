package com.axpay.simulator;

import java.util.ArrayList;
import java.util.List;

/** A minimal ordered XML element tree for building response payloads (element names and order are the contract). */
final class XmlNode {
    private final String name;
    private final String text;
    private final List<XmlNode> children = new ArrayList<>();

    private XmlNode(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static XmlNode element(String name) { return new XmlNode(name, null); }

    /** Adds a text child; null text writes an empty element. */
    XmlNode add(String name, Object text) {
        children.add(new XmlNode(name, text == null ? "" : text.toString()));
        return this;
    }

    XmlNode add(XmlNode child) {
        children.add(child);
        return this;
    }

    XmlNode child(String name) {
        XmlNode n = element(name);
        children.add(n);
        return n;
    }

    void write(StringBuilder out, String extraAttributes) {
        out.append('<').append(name);
        if (extraAttributes != null) out.append(' ').append(extraAttributes);
        if (text == null && children.isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        if (text != null) out.append(SecureXml.escape(text));
        for (XmlNode c : children) c.write(out, null);
        out.append("</").append(name).append('>');
    }
}
