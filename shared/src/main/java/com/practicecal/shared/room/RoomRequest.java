package com.practicecal.shared.room;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;

/** POST /v1/rooms and PATCH /v1/rooms/{roomId} */
public record RoomRequest(String name) implements Validatable {
    public static final int MAX_NAME = 80;

    @Override
    public void validate() {
        Check.text("name", name, MAX_NAME);
    }

    public String cleanName() {
        return Check.text("name", name, MAX_NAME);
    }
}
