package com.practicecal.shared.booking;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;

/** The client of a booking as entered: a name, optionally email and phone. */
public record ClientRequest(String name, String email, String phone) implements Validatable {
    @Override
    public void validate() {
        toClient();
    }

    public Client toClient() {
        return new Client(Check.text("client.name", name, 120), Check.optionalEmail("client.email", email),
                Check.optionalPhone("client.phone", phone));
    }
}
