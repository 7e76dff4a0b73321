package com.practicecal.functions.listrooms;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.room.RoomService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Lists the caller's rooms. */
public class ListRoomsHandler extends ApiFunction {
    @Inject
    RoomService rooms;

    public ListRoomsHandler() {
    }

    public ListRoomsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(rooms.list(request.principal()));
    }
}
