package com.practicecal.shared.api;

/** The one error shape of the API: {"error":{"code","message","field"?}}. */
public record ErrorBody(Detail error) {
    public record Detail(String code, String message, String field) {
    }

    public static ErrorBody of(String code, String message, String field) {
        return new ErrorBody(new Detail(code, message, field));
    }
}
