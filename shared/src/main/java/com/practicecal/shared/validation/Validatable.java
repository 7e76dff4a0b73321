package com.practicecal.shared.validation;

/** A request body that checks itself right after parsing; throws {@code ValidationException} naming the field. */
public interface Validatable {
    void validate();
}
