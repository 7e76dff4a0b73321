package com.practicecal.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.practicecal.shared.api.RoutedFunction;
import io.micronaut.context.ApplicationContext;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Instantiates each function's handler class through its {@code (ApplicationContext)} constructor, so all
 * functions share one context: one set of SDK clients, one start-up, and test beans (interceptors, clocks) seen by
 * every function.
 */
final class FunctionHandlers {
    private FunctionHandlers() {
    }

    static Map<String, RequestHandler<Object, Object>> instantiate(Iterable<SamFunction> functions,
                                                                   ApplicationContext context) {
        Map<String, RequestHandler<Object, Object>> handlers = new LinkedHashMap<>();
        for (SamFunction function : functions) {
            handlers.put(function.logicalId(), instantiate(function, context));
        }
        return handlers;
    }

    @SuppressWarnings("unchecked")
    static RequestHandler<Object, Object> instantiate(SamFunction function, ApplicationContext context) {
        String className = function.handlerClass();
        Object handler;
        try {
            Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            handler = type.getConstructor(ApplicationContext.class).newInstance(context);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(function.logicalId() + ": handler class " + className + " is not on the "
                    + "classpath; add its module as a dependency of infrastructure/pom.xml", e);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(function.logicalId() + ": " + className + " needs a public constructor "
                    + "taking io.micronaut.context.ApplicationContext to run in the local stack", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(function.logicalId() + ": constructing " + className + " failed",
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(function.logicalId() + ": cannot instantiate " + className, e);
        }
        if (!(handler instanceof RequestHandler<?, ?>)) {
            throw new IllegalStateException(function.logicalId() + ": " + className + " is not a RequestHandler");
        }
        requireInjected(function, handler);
        requireRoutes(function, handler);
        return (RequestHandler<Object, Object>) handler;
    }

    /** A function's route table and its HttpApi events in template.yaml must name the same route keys. */
    static void requireRoutes(SamFunction function, Object handler) {
        Set<String> declared = new TreeSet<>();
        function.routes().forEach(route -> declared.add(route.routeKey()));
        if (!(handler instanceof RoutedFunction routed)) {
            if (declared.size() > 1) {
                throw new IllegalStateException(function.logicalId() + " has " + declared.size() + " HttpApi events but "
                        + function.handlerClass() + " is no RoutedFunction");
            }
            return;
        }
        Set<String> served = new TreeSet<>(routed.routeKeys());
        if (!served.equals(declared)) {
            Set<String> missing = new TreeSet<>(declared);
            missing.removeAll(served);
            Set<String> undeclared = new TreeSet<>(served);
            undeclared.removeAll(declared);
            throw new IllegalStateException(function.logicalId() + ": template.yaml routes without an entry in "
                    + function.handlerClass() + "'s route table: " + missing + "; route table entries without an "
                    + "HttpApi event: " + undeclared);
        }
    }

    /**
     * The handler constructors used to log and swallow injection failures (MicronautRequestHandler); a handler with null
     * dependencies would then fail on every request with a NullPointerException. Fail at start instead.
     */
    private static void requireInjected(SamFunction function, Object handler) {
        for (Class<?> type = handler.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!field.isAnnotationPresent(jakarta.inject.Inject.class)) {
                    continue;
                }
                Object value;
                try {
                    field.setAccessible(true);
                    value = field.get(handler);
                } catch (IllegalAccessException | RuntimeException inaccessible) {
                    continue; // module rules forbid the check; the handler will tell on its first request
                }
                if (value == null) {
                    throw new IllegalStateException(function.logicalId() + ": " + type.getName() + "."
                            + field.getName() + " was not injected; see the error logged at init");
                }
            }
        }
    }
}
