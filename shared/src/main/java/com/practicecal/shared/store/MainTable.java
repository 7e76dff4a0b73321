package com.practicecal.shared.store;

import com.practicecal.shared.config.AppSettings;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The application table: accounts, rooms, bookings, occupancy, quotas, outbox. */
@Singleton
public class MainTable extends DynamoTable {
    public MainTable(DynamoDbClient dynamo, AppSettings settings) {
        super(dynamo, settings.tableName());
    }
}
