package com.practicecal.local;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the JVM's {@link LocalStack} before the first test class that uses it and tears it down once JUnit is
 * done (the root store closes it). Test methods and constructors may take {@link LocalStack}, {@link ApiClient},
 * {@link TestUsers} or {@link CountingInterceptor} parameters.
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStack.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    private static LocalStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(LocalStack.class, type -> LocalStack.shared(), LocalStack.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalStack.class || type == ApiClient.class || type == TestUsers.class
                || type == CountingInterceptor.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalStack stack = stack(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == ApiClient.class) {
            return stack.client();
        }
        if (type == TestUsers.class) {
            return stack.users();
        }
        if (type == CountingInterceptor.class) {
            return stack.awsCalls();
        }
        return stack;
    }
}
