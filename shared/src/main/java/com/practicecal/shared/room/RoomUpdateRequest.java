package com.practicecal.shared.room;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.error.ValidationException;

/** PATCH /v1/rooms/{roomId}: rename and/or share with (or withdraw from) the calendar community. */
public record RoomUpdateRequest(String name, Boolean shared) implements Validatable {
    @Override
    public void validate() {
        if (name == null && shared == null) {
            throw new ValidationException(null, "give name and/or shared");
        }
        if (name != null) {
            Check.text("name", name, RoomRequest.MAX_NAME);
        }
    }

    public String cleanName() {
        return name == null ? null : Check.text("name", name, RoomRequest.MAX_NAME);
    }
}
