package com.practicecal.functions.deleteroom;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.room.RoomService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Deletes a room that has no future bookings. */
public class DeleteRoomHandler extends ApiFunction {
    @Inject
    RoomService rooms;

    public DeleteRoomHandler() {
    }

    public DeleteRoomHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        rooms.delete(request.principal(), request.pathParam("roomId"), request.requestId());
        return ApiResponse.noContent();
    }
}
