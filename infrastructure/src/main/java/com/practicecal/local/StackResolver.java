package com.practicecal.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves intrinsic functions the way CloudFormation would for one stack: {@code !Ref} (parameters, pseudo
 * parameters, physical ids), {@code !GetAtt}, {@code !Sub}, {@code !Join}, {@code !Select}, {@code !Split}.
 * Resources become resolvable once {@link #register registered}; referring to anything else fails loudly instead of
 * producing a half-resolved value.
 */
public final class StackResolver {
    /** moto's default account; it appears in the ARNs moto hands out. */
    public static final String LOCAL_ACCOUNT_ID = "123456789012";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    /** Marks {@code !Ref AWS::NoValue}: the surrounding property or list element disappears. */
    private static final Object NO_VALUE = new Object();

    private final String stackName;
    private final String region;
    private final Map<String, Object> parameters;
    private final Map<String, String> physicalIds = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> attributes = new ConcurrentHashMap<>();

    public StackResolver(String stackName, String region, Map<String, Object> parameters) {
        this.stackName = stackName;
        this.region = region;
        this.parameters = Map.copyOf(parameters);
    }

    public String stackName() {
        return stackName;
    }

    public String region() {
        return region;
    }

    /** Makes a created resource resolvable: {@code !Ref id} gives the physical id, {@code !GetAtt id.X} an attribute. */
    public void register(String logicalId, String physicalId, Map<String, String> resourceAttributes) {
        physicalIds.put(logicalId, physicalId);
        attributes.put(logicalId, Map.copyOf(resourceAttributes));
    }

    public boolean isRegistered(String logicalId) {
        return physicalIds.containsKey(logicalId);
    }

    /** Resolves every intrinsic inside {@code value} (maps and lists are copied). */
    public Object resolve(Object value) {
        Object resolved = resolveOrNoValue(value);
        return resolved == NO_VALUE ? null : resolved;
    }

    public String resolveString(Object value) {
        Object resolved = resolve(value);
        if (resolved == null) {
            throw new IllegalArgumentException("value resolves to nothing: " + value);
        }
        return Templates.asString(resolved);
    }

    private Object resolveOrNoValue(Object value) {
        if (value instanceof Intrinsic intrinsic) {
            return resolveIntrinsic(intrinsic);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object resolved = resolveOrNoValue(v);
                if (resolved != NO_VALUE) {
                    copy.put(String.valueOf(k), resolved);
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object element : list) {
                Object resolved = resolveOrNoValue(element);
                if (resolved != NO_VALUE) {
                    copy.add(resolved);
                }
            }
            return copy;
        }
        return value;
    }

    private Object resolveIntrinsic(Intrinsic intrinsic) {
        if (intrinsic instanceof Intrinsic.Ref ref) {
            return ref(ref.target());
        }
        if (intrinsic instanceof Intrinsic.GetAtt getAtt) {
            return getAtt(getAtt.resource(), getAtt.attribute());
        }
        if (intrinsic instanceof Intrinsic.Sub sub) {
            return substitute(sub);
        }
        Intrinsic.Fn fn = (Intrinsic.Fn) intrinsic;
        List<Object> args = fn.argument() instanceof List<?> list ? new ArrayList<>(list) : List.of();
        switch (fn.name()) {
            case "Fn::Join": {
                List<String> parts = new ArrayList<>();
                for (Object part : Templates.asList(resolve(args.get(1)))) {
                    parts.add(Templates.asString(part));
                }
                return String.join(Templates.asString(resolve(args.get(0))), parts);
            }
            case "Fn::Select":
                return Templates.asList(resolve(args.get(1)))
                        .get(Integer.parseInt(Templates.asString(resolve(args.get(0)))));
            case "Fn::Split":
                return List.of(resolveString(args.get(1)).split(Pattern.quote(resolveString(args.get(0))), -1));
            default:
                throw new UnsupportedOperationException(fn.name() + " is not supported by the local stack");
        }
    }

    private Object ref(String target) {
        switch (target) {
            case "AWS::StackName":
                return stackName;
            case "AWS::Region":
                return region;
            case "AWS::AccountId":
                return LOCAL_ACCOUNT_ID;
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::StackId":
                return "arn:aws:cloudformation:" + region + ":" + LOCAL_ACCOUNT_ID + ":stack/" + stackName + "/local";
            case "AWS::NoValue":
                return NO_VALUE;
            case "AWS::NotificationARNs":
                return List.of();
            default:
                break;
        }
        if (parameters.containsKey(target)) {
            return parameters.get(target);
        }
        String physical = physicalIds.get(target);
        if (physical == null) {
            throw new IllegalStateException("!Ref " + target + ": not a parameter and not a resource of the local "
                    + "stack (yet); only provisioned resources can be referenced");
        }
        return physical;
    }

    private String getAtt(String resource, String attribute) {
        Map<String, String> known = attributes.get(resource);
        if (known == null) {
            throw new IllegalStateException("!GetAtt " + resource + "." + attribute
                    + ": " + resource + " is not a resource of the local stack (yet)");
        }
        String value = known.get(attribute);
        if (value == null) {
            throw new IllegalStateException("!GetAtt " + resource + "." + attribute + ": unknown attribute; known: "
                    + known.keySet());
        }
        return value;
    }

    private String substitute(Intrinsic.Sub sub) {
        Matcher matcher = SUB_VARIABLE.matcher(sub.template());
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}"; // ${!Literal} escapes a literal ${Literal}
            } else if (sub.variables().containsKey(name)) {
                replacement = resolveString(sub.variables().get(name));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                replacement = getAtt(name.substring(0, dot), name.substring(dot + 1));
            } else {
                replacement = Templates.asString(ref(name));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The logical ids (resources or parameters) a value refers to; used to order creation. */
    public static Set<String> references(Object value) {
        Set<String> found = new LinkedHashSet<>();
        collectReferences(value, found);
        found.removeIf(name -> name.startsWith("AWS::"));
        return found;
    }

    private static void collectReferences(Object value, Set<String> found) {
        if (value instanceof Intrinsic.Ref ref) {
            found.add(ref.target());
        } else if (value instanceof Intrinsic.GetAtt getAtt) {
            found.add(getAtt.resource());
        } else if (value instanceof Intrinsic.Sub sub) {
            Matcher matcher = SUB_VARIABLE.matcher(sub.template());
            while (matcher.find()) {
                String name = matcher.group(1);
                if (!name.startsWith("!") && !sub.variables().containsKey(name)) {
                    found.add(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
                }
            }
            sub.variables().values().forEach(v -> collectReferences(v, found));
        } else if (value instanceof Intrinsic.Fn fn) {
            collectReferences(fn.argument(), found);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectReferences(v, found));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collectReferences(v, found));
        }
    }
}
