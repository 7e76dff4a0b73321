package com.practicecal.functions.updateroom;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.room.RoomUpdateRequest;
import com.practicecal.shared.room.RoomService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Renames a room and/or shares it with the calendar community. */
public class UpdateRoomHandler extends ApiFunction {
    @Inject
    RoomService rooms;

    public UpdateRoomHandler() {
    }

    public UpdateRoomHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(rooms.update(request.principal(), request.pathParam("roomId"), request.body(RoomUpdateRequest.class),
                request.requestId()));
    }
}
