package com.practicecal.functions.retentionpurge;

import com.practicecal.shared.client.RetentionPurge;
import com.practicecal.shared.runtime.FunctionHandler;
import com.practicecal.shared.runtime.SnapStartPriming;
import io.micronaut.context.ApplicationContext;
import com.practicecal.shared.config.SettingsSource;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Scheduled (template.yaml): purges bookings and notes past their retention. The event may override
 * {@code dryRun} (default: {@code RETENTION_DRY_RUN}) and restrict the run to one {@code accountId};
 * {@code {"backfill": true}} (by hand, once after deploying the retention index) gives older bookings its keys.
 */
public class RetentionPurgeHandler extends FunctionHandler<Map<String, Object>, RetentionPurge.Report> {
    @Inject
    RetentionPurge purge;

    @Inject
    SettingsSource settings;

    private final SnapStartPriming snapStart = SnapStartPriming.register(beanContext(),
            () -> List.of(RetentionPurge.Report.class), null);

    public RetentionPurgeHandler() {
    }

    public RetentionPurgeHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public RetentionPurge.Report execute(Map<String, Object> event) {
        if (event != null && Boolean.parseBoolean(String.valueOf(event.get("backfill")))) {
            return purge.backfill(); // one-off after deploying the retention index: {"backfill": true}
        }
        Object dryRun = event == null ? null : event.get("dryRun");
        Object accountId = event == null ? null : event.get("accountId");
        return purge.run(dryRun == null ? settings.flag("retention.dry.run", false) : Boolean.parseBoolean(dryRun.toString()),
                accountId == null ? null : accountId.toString());
    }

    /** The SnapStart priming resource registered at init. */
    public SnapStartPriming snapStart() {
        return snapStart;
    }
}
