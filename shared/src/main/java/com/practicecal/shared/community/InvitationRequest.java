package com.practicecal.shared.community;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;

/** POST /v1/community/invitations */
public record InvitationRequest(String inviteeEmail) implements Validatable {
    @Override
    public void validate() {
        Check.email("inviteeEmail", inviteeEmail);
    }

    public String email() {
        return Check.email("inviteeEmail", inviteeEmail);
    }
}
