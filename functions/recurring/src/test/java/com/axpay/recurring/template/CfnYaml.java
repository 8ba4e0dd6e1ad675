package com.axpay.recurring.template;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Parses a CloudFormation/SAM template with SnakeYAML's safe constructor, turning the short-form tags
 * ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, ...) into their long form ({@code {Ref: x}}, {@code {Fn::GetAtt: [r, a]}}).
 */
final class CfnYaml {

    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue",
            "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "GetAtt");

    private CfnYaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path template) throws IOException {
        try (Reader r = Files.newBufferedReader(template)) {
            return (Map<String, Object>) new Yaml(new Constructor()).load(r);
        }
    }

    private static final class Constructor extends SafeConstructor {
        Constructor() {
            super(new LoaderOptions());
            for (String fn : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + fn), new Intrinsic("Fn::" + fn));
            }
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode s) {
                    value = s.getValue();
                    if (key.equals("Fn::GetAtt")) {
                        value = Arrays.asList(((String) value).split("\\.", 2));
                    }
                } else if (node instanceof SequenceNode q) {
                    value = constructSequence(q);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }
        }
    }
}
