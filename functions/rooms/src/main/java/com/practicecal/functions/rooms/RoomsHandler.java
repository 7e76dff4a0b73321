package com.practicecal.functions.rooms;

import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.api.RoutedFunction;
import com.practicecal.shared.room.RoomRequest;
import com.practicecal.shared.room.RoomService;
import com.practicecal.shared.room.RoomUpdateRequest;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Rooms of a practice. */
public class RoomsHandler extends RoutedFunction {
    @Inject
    RoomService rooms;

    public RoomsHandler() {
    }

    public RoomsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Map<String, Route> routes() {
        return Map.ofEntries(
                route("POST /v1/rooms", this::createRoom),
                route("GET /v1/rooms", this::listRooms),
                route("PATCH /v1/rooms/{roomId}", this::updateRoom),
                route("DELETE /v1/rooms/{roomId}", this::deleteRoom));
    }

    @Override
    protected List<Class<?>> primingTypes() {
        return List.of(RoomRequest.class, RoomUpdateRequest.class);
    }

    /** Creates a room within the plan's room limit. */
    private ApiResponse createRoom(ApiRequest request) {
        return ApiResponse.created(rooms.create(request.principal(), request.body(RoomRequest.class), request.requestId()));
    }

    /** Lists the caller's rooms. */
    private ApiResponse listRooms(ApiRequest request) {
        return ApiResponse.ok(rooms.list(request.principal()));
    }

    /** Renames a room and/or shares it with the calendar community. */
    private ApiResponse updateRoom(ApiRequest request) {
        return ApiResponse.ok(rooms.update(request.principal(), request.pathParam("roomId"), request.body(RoomUpdateRequest.class),
                request.requestId()));
    }

    /** Deletes a room that has no future bookings. */
    private ApiResponse deleteRoom(ApiRequest request) {
        rooms.delete(request.principal(), request.pathParam("roomId"), request.requestId());
        return ApiResponse.noContent();
    }
}
