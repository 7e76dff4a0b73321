package com.practicecal.local;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} with {@code Globals.Function} applied: handler class (without a
 * {@code ::method} suffix), CodeUri, merged environment (unresolved), limits and its HttpApi routes.
 */
public record SamFunction(String logicalId, String handler, String codeUri, Map<String, Object> environment,
                          int memorySize, int timeoutSeconds, List<HttpApiRoute> routes) {

    /** The handler class name, e.g. {@code com.practicecal.functions.accounts.AccountsHandler}. */
    public String handlerClass() {
        int method = handler.indexOf("::");
        return method < 0 ? handler : handler.substring(0, method);
    }
}
