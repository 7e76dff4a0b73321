package com.practicecal.functions.updateroom;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.room.RoomRequest;
import com.practicecal.shared.room.RoomService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Renames a room. */
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
        return ApiResponse.ok(rooms.rename(request.principal(), request.pathParam("roomId"), request.body(RoomRequest.class),
                request.requestId()));
    }
}
