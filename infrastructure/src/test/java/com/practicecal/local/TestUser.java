package com.practicecal.local;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A signed-up practice owner with real Cognito tokens.
 *
 * @param userId  the Cognito {@code sub}
 * @param signup  the sign-up response body (the account view)
 */
public record TestUser(String email, String password, String userId, String accountId, String accessToken,
                       String idToken, JsonNode signup) {

    @Override
    public String toString() {
        return "TestUser[" + email + ", account " + accountId + "]"; // tokens stay out of test output
    }
}
