package com.axpay.soap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Element;

/**
 * The recorded Axerve traffic kept next to the repository ({@code ../shared/axerve/samples} from the repo root).
 * Found by walking up from the module directory; tests using it are skipped when it is absent.
 */
final class SharedSamples {
    private SharedSamples() {
    }

    static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("axerve").resolve("samples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "shared/axerve/samples not found above the module directory");
        return null;
    }

    /** Every recorded or documented response: whole envelopes, inner payloads, and the API reference's examples. */
    static List<Path> responses(Path dir) {
        List<Path> samples = new ArrayList<>(files(dir, ".response.xml"));
        samples.addAll(files(dir, ".xml").stream().filter(p -> p.getFileName().toString().contains("_inner_"))
                .toList());
        samples.addAll(files(dir.resolve("doc-examples"), ".xml").stream()
                .filter(p -> !p.getFileName().toString().contains("_request")).toList());
        return samples;
    }

    static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operation named in a sample file name: {@code ..._1_callDeleteS2S.response.xml} gives callDeleteS2S. */
    static String operationOf(Path p) {
        String name = p.getFileName().toString();
        String stem = name.substring(0, name.indexOf('.'));
        return stem.substring(stem.lastIndexOf('_') + 1);
    }

    /** The GestPayCryptDecrypt / GestPayS2S element of any sample shape, serialized on its own. */
    static String payloadOf(String xml) {
        Element root = Xml.parse(xml).getDocumentElement();
        Element payload = Xml.firstByLocalName(root, "GestPayS2S");
        if (payload == null) {
            payload = Xml.firstByLocalName(root, "GestPayCryptDecrypt");
        }
        if (payload == null) {
            throw new IllegalArgumentException("no payload element");
        }
        try {
            TransformerFactory f = TransformerFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = f.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(payload), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
