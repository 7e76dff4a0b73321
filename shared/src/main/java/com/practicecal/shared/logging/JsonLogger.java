package com.practicecal.shared.logging;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/**
 * One JSON object per line: {@code timestamp}, {@code level}, {@code logger}, {@code message}, then the MDC, the
 * event's key-value pairs and, for a throwable, {@code errorType}, {@code errorMessage} and {@code stackTrace}.
 */
final class JsonLogger extends LegacyAbstractLogger implements LoggingEventAware {
    private static final long serialVersionUID = 1L;
    private final transient Level threshold;
    private final transient Supplier<PrintStream> out;

    JsonLogger(String name, Level threshold, Supplier<PrintStream> out) {
        this.name = name;
        this.threshold = threshold;
        this.out = out;
    }

    /** Lambda's {@code AWS_LAMBDA_LOG_LEVEL} (TRACE…FATAL), else {@code LOG_LEVEL}, else INFO. */
    static Level threshold(Map<String, String> environment) {
        String configured = environment.getOrDefault("AWS_LAMBDA_LOG_LEVEL", environment.get("LOG_LEVEL"));
        if (configured == null || configured.isBlank()) {
            return Level.INFO;
        }
        String level = configured.strip().toUpperCase(Locale.ROOT);
        if (level.equals("FATAL")) {
            return Level.ERROR;
        }
        try {
            return Level.valueOf(level);
        } catch (IllegalArgumentException unknown) {
            return Level.INFO;
        }
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
                                               Throwable throwable) {
        write(level, MessageFormatter.basicArrayFormat(messagePattern, arguments), List.of(), throwable);
    }

    /** The fluent API ({@code LOG.atInfo().addKeyValue("status", 200).log("...")}): pairs become fields. */
    @Override
    public void log(LoggingEvent event) {
        if (!enabled(event.getLevel())) {
            return;
        }
        Object[] arguments = event.getArgumentArray();
        Throwable throwable = event.getThrowable();
        if (throwable == null && arguments != null && arguments.length > 0
                && arguments[arguments.length - 1] instanceof Throwable last) {
            throwable = last;
        }
        List<KeyValuePair> pairs = event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
        write(event.getLevel(), MessageFormatter.basicArrayFormat(event.getMessage(), arguments), pairs, throwable);
    }

    private void write(Level level, String message, List<KeyValuePair> pairs, Throwable throwable) {
        JsonLine line = new JsonLine()
                .field("timestamp", Instant.now().toString())
                .field("level", level.name())
                .field("logger", name)
                .field("message", message);
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        if (mdc != null) {
            mdc.forEach(line::field);
        }
        for (KeyValuePair pair : pairs) {
            line.field(pair.key, pair.value);
        }
        if (throwable != null) {
            StringWriter trace = new StringWriter();
            throwable.printStackTrace(new PrintWriter(trace));
            line.field("errorType", throwable.getClass().getName())
                    .field("errorMessage", throwable.getMessage())
                    .field("stackTrace", trace.toString());
        }
        out.get().println(line);
    }
}
