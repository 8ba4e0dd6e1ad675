package com.axpay.architecture;

import com.axpay.kit.testing.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The layout's dependency rules (README, "Layout"), checked on the poms and on the imports of the main sources, so a
 * change that breaks one fails the build: the function modules share the kit and never depend on each other; the
 * kit, the adapters and core never depend on a function; core depends on nothing of ours.
 */
class ModuleRulesTest {

    /** What each module's main code may use of ours (its pom, any scope but test, and its imports). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "axerve-soap", Set.of(),
            "core", Set.of(),
            "store-dynamodb", Set.of("core"),
            "axerve-gateway", Set.of("core", "axerve-soap"),
            "kit", Set.of("core", "store-dynamodb", "axerve-gateway", "axerve-soap"),
            "payments", Set.of("kit", "core", "store-dynamodb", "axerve-gateway", "axerve-soap"),
            "recurring", Set.of("kit", "core", "store-dynamodb", "axerve-gateway", "axerve-soap"),
            "publisher", Set.of("kit", "core", "store-dynamodb"));

    /** The Java packages each module owns. */
    private static final Map<String, String> PACKAGES = Map.of(
            "axerve-soap", "com.axpay.soap",
            "core", "com.axpay.core",
            "store-dynamodb", "com.axpay.store",
            "axerve-gateway", "com.axpay.gateway",
            "kit", "com.axpay.kit",
            "payments", "com.axpay.payments",
            "recurring", "com.axpay.recurring",
            "publisher", "com.axpay.publisher");

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(com\\.axpay\\.[a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void everyModuleDependsOnlyOnWhatTheLayoutAllows() throws Exception {
        List<String> broken = new ArrayList<>();
        for (Map.Entry<String, Set<String>> rule : ALLOWED.entrySet()) {
            for (String dep : pomDependencies(rule.getKey())) {
                if (!rule.getValue().contains(dep)) {
                    broken.add(rule.getKey() + "/pom.xml depends on " + dep);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void mainSourcesImportOnlyFromAllowedModules() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Map.Entry<String, Set<String>> rule : ALLOWED.entrySet()) {
            Set<String> allowed = new TreeSet<>();
            allowed.add(PACKAGES.get(rule.getKey()));
            rule.getValue().forEach(m -> allowed.add(PACKAGES.get(m)));
            Path src = ProjectFiles.root().resolve("functions").resolve(rule.getKey()).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(src)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = IMPORT.matcher(Files.readString(f));
                    while (m.find()) {
                        if (!allowed.contains(m.group(1))) {
                            broken.add(ProjectFiles.root().relativize(f) + " imports " + m.group(1));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    /** The com.axpay artifacts a module's pom names outside the test scope. */
    private static Set<String> pomDependencies(String module) throws Exception {
        Path pom = ProjectFiles.root().resolve("functions").resolve(module).resolve("pom.xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        Set<String> out = new TreeSet<>();
        NodeList deps = project.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            if (d.getParentNode().getParentNode() != project) {
                continue; // dependencyManagement or a plugin's dependencies
            }
            if ("com.axpay".equals(text(d, "groupId")) && !"test".equals(text(d, "scope"))) {
                out.add(text(d, "artifactId"));
            }
        }
        return out;
    }

    private static String text(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        return l.getLength() == 0 ? null : l.item(0).getTextContent().strip();
    }
}
