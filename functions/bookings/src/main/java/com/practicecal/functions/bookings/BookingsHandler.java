package com.practicecal.functions.bookings;

import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.api.QueryParameters;
import com.practicecal.shared.api.RoutedFunction;
import com.practicecal.shared.block.BlockRequest;
import com.practicecal.shared.block.BlockSeriesChangeRequest;
import com.practicecal.shared.block.BlockSeriesService;
import com.practicecal.shared.block.BlockService;
import com.practicecal.shared.block.BlockUpdateRequest;
import com.practicecal.shared.booking.BookingService;
import com.practicecal.shared.booking.CreateBookingRequest;
import com.practicecal.shared.booking.MoveBookingRequest;
import com.practicecal.shared.calendar.CalendarService;
import com.practicecal.shared.series.SeriesChangeRequest;
import com.practicecal.shared.series.SeriesRequest;
import com.practicecal.shared.series.SeriesService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Bookings, weekly series, blocked time and the calendar. */
public class BookingsHandler extends RoutedFunction {
    @Inject
    BookingService bookings;
    @Inject
    CalendarService calendar;
    @Inject
    BlockService blocks;
    @Inject
    SeriesService series;
    @Inject
    BlockSeriesService blockSeries;

    public BookingsHandler() {
    }

    public BookingsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Map<String, Route> routes() {
        return Map.ofEntries(
                route("POST /v1/bookings", this::createBooking),
                route("GET /v1/bookings", this::listBookings),
                route("GET /v1/bookings/{bookingId}", this::getBooking),
                route("PATCH /v1/bookings/{bookingId}", this::updateBooking),
                route("DELETE /v1/bookings/{bookingId}", this::cancelBooking),
                route("GET /v1/calendar", this::getCalendar),
                route("POST /v1/blocks", this::createBlock),
                route("GET /v1/blocks", this::listBlocks),
                route("GET /v1/blocks/{blockId}", this::getBlock),
                route("PATCH /v1/blocks/{blockId}", this::updateBlock),
                route("DELETE /v1/blocks/{blockId}", this::deleteBlock),
                route("POST /v1/booking-series", this::createSeries),
                route("POST /v1/booking-series/preview", this::previewSeries),
                route("GET /v1/booking-series/{seriesId}", this::getSeries),
                route("PATCH /v1/booking-series/{seriesId}", this::changeSeries),
                route("DELETE /v1/booking-series/{seriesId}", this::cancelSeries),
                route("PATCH /v1/block-series/{seriesId}", this::changeBlockSeries),
                route("DELETE /v1/block-series/{seriesId}", this::deleteBlockSeries));
    }

    /** Blocks time, with or without a room; with a recurrence every occurrence is a block. */
    private ApiResponse createBlock(ApiRequest request) {
        BlockRequest body = request.body(BlockRequest.class);
        if (body.recurrence() != null) {
            return ApiResponse.created(blockSeries.create(request.principal(), body, request.header("Idempotency-Key"),
                    request.requestId()));
        }
        return ApiResponse.created(blocks.create(request.principal(), body, request.header("Idempotency-Key"),
                request.requestId()));
    }

    private ApiResponse listBlocks(ApiRequest request) {
        return ApiResponse.ok(blocks.list(request.principal(), QueryParameters.bookings(request)));
    }

    private ApiResponse getBlock(ApiRequest request) {
        return ApiResponse.ok(blocks.get(request.principal(), request.pathParam("blockId")));
    }

    private ApiResponse updateBlock(ApiRequest request) {
        return ApiResponse.ok(blocks.update(request.principal(), request.pathParam("blockId"),
                request.body(BlockUpdateRequest.class), request.header("Idempotency-Key"), request.requestId()));
    }

    private ApiResponse deleteBlock(ApiRequest request) {
        blocks.delete(request.principal(), request.pathParam("blockId"), request.requestId());
        return ApiResponse.noContent();
    }

    /** Changes a weekly block from the occurrence at {@code from} on. */
    private ApiResponse changeBlockSeries(ApiRequest request) {
        return ApiResponse.ok(blockSeries.changeFrom(request.principal(), request.pathParam("seriesId"),
                request.body(BlockSeriesChangeRequest.class), request.requestId()));
    }

    private ApiResponse deleteBlockSeries(ApiRequest request) {
        return ApiResponse.ok(blockSeries.deleteFrom(request.principal(), request.pathParam("seriesId"),
                request.requiredQuery("from"), request.requestId()));
    }

    /** Books every free occurrence of a weekly series; resumable with the same Idempotency-Key. */
    private ApiResponse createSeries(ApiRequest request) {
        return ApiResponse.created(series.create(request.principal(), request.body(SeriesRequest.class),
                request.header("Idempotency-Key"), request.requestId()));
    }

    private ApiResponse previewSeries(ApiRequest request) {
        return ApiResponse.ok(series.preview(request.principal(), request.body(SeriesRequest.class)));
    }

    private ApiResponse getSeries(ApiRequest request) {
        return ApiResponse.ok(series.get(request.principal(), request.pathParam("seriesId")));
    }

    private ApiResponse changeSeries(ApiRequest request) {
        return ApiResponse.ok(series.changeFrom(request.principal(), request.pathParam("seriesId"),
                request.body(SeriesChangeRequest.class), request.requestId()));
    }

    private ApiResponse cancelSeries(ApiRequest request) {
        return ApiResponse.ok(series.cancelFrom(request.principal(), request.pathParam("seriesId"),
                request.requiredQuery("from"), request.requestId()));
    }

    /** A fixed week (nothing time-dependent is primed), so the list routes get past validation to their reads. */
    private static final Map<String, String> PRIMING_WEEK = Map.of("from", "2026-01-05T00:00:00Z",
            "to", "2026-01-12T00:00:00Z");

    @Override
    protected Map<String, String> primingQuery(String routeKey) {
        return routeKey.equals("GET /v1/bookings") || routeKey.equals("GET /v1/calendar")
                || routeKey.equals("GET /v1/blocks") ? PRIMING_WEEK : Map.of();
    }

    @Override
    protected List<Class<?>> primingTypes() {
        return List.of(CreateBookingRequest.class, MoveBookingRequest.class, BlockSeriesChangeRequest.class);
    }

    /** Books a room without ever double-booking it. */
    private ApiResponse createBooking(ApiRequest request) {
        return ApiResponse.created(bookings.create(request.principal(), request.body(CreateBookingRequest.class),
                request.header("Idempotency-Key"), request.requestId()));
    }

    /** Lists the caller's bookings in a time range. */
    private ApiResponse listBookings(ApiRequest request) {
        return ApiResponse.ok(bookings.list(request.principal(), QueryParameters.bookings(request), request.requestId()));
    }

    /** One booking of the caller. */
    private ApiResponse getBooking(ApiRequest request) {
        return ApiResponse.ok(bookings.get(request.principal(), request.pathParam("bookingId"), request.requestId()));
    }

    /** Moves a booking to another time and/or room, atomically. */
    private ApiResponse updateBooking(ApiRequest request) {
        return ApiResponse.ok(bookings.move(request.principal(), request.pathParam("bookingId"),
                request.body(MoveBookingRequest.class), request.header("Idempotency-Key"), request.requestId()));
    }

    /** Cancels a booking; idempotent. */
    private ApiResponse cancelBooking(ApiRequest request) {
        bookings.cancel(request.principal(), request.pathParam("bookingId"), request.requestId());
        return ApiResponse.noContent();
    }

    /** Own bookings in full plus busy blocks of every bookable room. */
    private ApiResponse getCalendar(ApiRequest request) {
        return ApiResponse.ok(calendar.calendar(request.principal(), QueryParameters.calendar(request), request.requestId()));
    }
}
