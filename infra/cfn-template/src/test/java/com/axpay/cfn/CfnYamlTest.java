package com.axpay.cfn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CfnYamlTest {

    @TempDir
    Path dir;

    private Map<String, Object> load(String yaml) throws Exception {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, yaml);
        return CfnYaml.load(file);
    }

    @Test
    void shortTagsBecomeTheLongFormTheRestOfTheCodeReads() throws Exception {
        Map<String, Object> t = load("""
                Resources:
                  Fn:
                    Properties:
                      Table: !Ref PaymentsTable
                      Arn: !GetAtt PaymentsTable.Arn
                      Url: !Sub "https://${Api}.example"
                      Pick: !If [HasKey, !Ref Key, ""]
                """);
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                t.get("Resources")).get("Fn")).get("Properties");
        assertEquals(Map.of("Ref", "PaymentsTable"), props.get("Table"));
        assertEquals(Map.of("Fn::GetAtt", List.of("PaymentsTable", "Arn")), props.get("Arn"));
        assertEquals(Map.of("Fn::Sub", "https://${Api}.example"), props.get("Url"));
        assertEquals(Map.of("Fn::If", List.of("HasKey", Map.of("Ref", "Key"), "")), props.get("Pick"));
    }

    @Test
    void aDuplicateKeyIsAnErrorNotASilentOverride() {
        assertThrows(RuntimeException.class, () -> load("""
                Resources:
                  A: {Type: X}
                  A: {Type: Y}
                """));
    }

    @Test
    void aJavaTypeTagIsRefused() {
        assertThrows(RuntimeException.class, () -> load("x: !!java.io.File [/tmp]\n"));
    }

    @Test
    void aDocumentThatIsNotAMappingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> load("- just\n- a list\n"));
    }
}
