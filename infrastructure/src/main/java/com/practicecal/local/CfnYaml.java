package com.practicecal.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML: plain SnakeYAML rejects the short-form tags ({@code !Ref}, {@code !Sub}, ...), so they
 * are constructed into {@link Intrinsic} objects here, and long forms ({@code {Ref: X}}, {@code {Fn::Sub: ...}})
 * are normalised to the same objects. Everything else stays maps, lists and scalars.
 */
public final class CfnYaml {
    private static final List<String> FUNCTIONS = List.of("GetAtt", "Sub", "If", "Join", "Select", "Split",
            "Equals", "And", "Or", "Not", "FindInMap", "Base64", "Cidr", "GetAZs", "ImportValue", "Transform",
            "ToJsonString", "Length");

    private CfnYaml() {
    }

    public static Map<String, Object> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // CloudFormation rejects them too
        Object document = new Yaml(new CfnConstructor(options)).load(reader);
        if (!(document instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("a template must be a YAML mapping");
        }
        return (Map<String, Object>) normalize(document);
    }

    /** Turns long-form intrinsics (single-key maps {@code Ref} / {@code Fn::*}) into {@link Intrinsic}s. */
    @SuppressWarnings("unchecked")
    static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                String key = String.valueOf(only.getKey());
                if (key.equals("Ref")) {
                    return new Intrinsic.Ref(String.valueOf(only.getValue()));
                }
                if (key.startsWith("Fn::")) {
                    return intrinsic(key.substring(4), normalize(only.getValue()));
                }
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalize(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(normalize(v)));
            return copy;
        }
        if (value instanceof Intrinsic.Fn fn) {
            return new Intrinsic.Fn(fn.name(), normalize(fn.argument()));
        }
        if (value instanceof Intrinsic.Sub sub) {
            return new Intrinsic.Sub(sub.template(), (Map<String, Object>) normalize(sub.variables()));
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Intrinsic intrinsic(String function, Object argument) {
        switch (function) {
            case "GetAtt":
                if (argument instanceof String dotted && dotted.contains(".")) {
                    int dot = dotted.indexOf('.');
                    return new Intrinsic.GetAtt(dotted.substring(0, dot), dotted.substring(dot + 1));
                }
                if (argument instanceof List<?> parts && parts.size() == 2) {
                    return new Intrinsic.GetAtt(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
                }
                throw new IllegalArgumentException("Fn::GetAtt needs 'Resource.Attribute', got " + argument);
            case "Sub":
                if (argument instanceof String text) {
                    return new Intrinsic.Sub(text, Map.of());
                }
                if (argument instanceof List<?> parts && parts.size() == 2 && parts.get(1) instanceof Map<?, ?> vars) {
                    return new Intrinsic.Sub(String.valueOf(parts.get(0)), (Map<String, Object>) vars);
                }
                throw new IllegalArgumentException("Fn::Sub needs a string or [string, variables], got " + argument);
            default:
                return new Intrinsic.Fn("Fn::" + function, argument);
        }
    }

    private static final class CfnConstructor extends SafeConstructor {
        CfnConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new TagConstruct(arg -> new Intrinsic.Ref(String.valueOf(arg))));
            yamlConstructors.put(new Tag("!Condition"), new TagConstruct(arg -> new Intrinsic.Fn("Condition", arg)));
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new TagConstruct(arg -> intrinsic(function, arg)));
            }
            // Unquoted dates (AWSTemplateFormatVersion, policy Version) stay strings, as CloudFormation reads them.
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }

        private final class TagConstruct extends AbstractConstruct {
            private final java.util.function.Function<Object, Intrinsic> factory;

            TagConstruct(java.util.function.Function<Object, Intrinsic> factory) {
                this.factory = factory;
            }

            @Override
            public Object construct(Node node) {
                Object argument;
                if (node instanceof ScalarNode scalar) {
                    argument = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    argument = constructSequence(sequence);
                } else {
                    argument = constructMapping((MappingNode) node);
                }
                return factory.apply(argument);
            }
        }
    }
}
