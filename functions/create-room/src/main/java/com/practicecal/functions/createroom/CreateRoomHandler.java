package com.practicecal.functions.createroom;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.room.RoomRequest;
import com.practicecal.shared.room.RoomService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Creates a room within the plan's room limit. */
public class CreateRoomHandler extends ApiFunction {
    @Inject
    RoomService rooms;

    public CreateRoomHandler() {
    }

    public CreateRoomHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.created(rooms.create(request.principal(), request.body(RoomRequest.class), request.requestId()));
    }
}
