package com.practicecal.functions.retentionpurge;

import com.practicecal.shared.client.RetentionPurge;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Scheduled (template.yaml): purges bookings and notes past their retention. The event may override
 * {@code dryRun} (default: {@code RETENTION_DRY_RUN}) and restrict the run to one {@code accountId}.
 */
public class RetentionPurgeHandler extends MicronautRequestHandler<Map<String, Object>, RetentionPurge.Report> {
    @Inject
    RetentionPurge purge;

    @Value("${retention.dry.run:false}")
    boolean dryRunByDefault;

    public RetentionPurgeHandler() {
    }

    public RetentionPurgeHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public RetentionPurge.Report execute(Map<String, Object> event) {
        Object dryRun = event == null ? null : event.get("dryRun");
        Object accountId = event == null ? null : event.get("accountId");
        return purge.run(dryRun == null ? dryRunByDefault : Boolean.parseBoolean(dryRun.toString()),
                accountId == null ? null : accountId.toString());
    }
}
