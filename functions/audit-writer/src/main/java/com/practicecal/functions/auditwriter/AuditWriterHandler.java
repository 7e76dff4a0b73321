package com.practicecal.functions.auditwriter;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.practicecal.shared.audit.AuditIngest;
import com.practicecal.shared.event.OutboxEvent;
import com.practicecal.shared.runtime.FunctionHandler;
import com.practicecal.shared.runtime.SnapStartPriming;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;

/** FIFO audit queue to the hash-chained audit table; partial batch failures. */
public class AuditWriterHandler extends FunctionHandler<SQSEvent, SQSBatchResponse> {
    @Inject
    AuditIngest ingest;
    private final SnapStartPriming snapStart = SnapStartPriming.register(beanContext(),
            () -> List.of(OutboxEvent.class), null);

    public AuditWriterHandler() {
    }

    public AuditWriterHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return ingest.ingest(event);
    }

    /** The SnapStart priming resource registered at init. */
    public SnapStartPriming snapStart() {
        return snapStart;
    }
}
