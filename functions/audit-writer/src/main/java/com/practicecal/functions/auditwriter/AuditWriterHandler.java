package com.practicecal.functions.auditwriter;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.practicecal.shared.audit.AuditIngest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/** FIFO audit queue to the hash-chained audit table; partial batch failures. */
public class AuditWriterHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    @Inject
    AuditIngest ingest;

    public AuditWriterHandler() {
    }

    public AuditWriterHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return ingest.ingest(event);
    }
}
