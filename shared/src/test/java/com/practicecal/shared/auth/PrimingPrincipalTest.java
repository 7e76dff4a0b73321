package com.practicecal.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.practicecal.shared.account.Role;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.error.NotFoundException;
import java.util.Map;
import com.practicecal.shared.store.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * SnapStart's synthetic caller resolves to the owner of an account without data; a token naming the same subject
 * does not: it is an unknown user like any other.
 */
class PrimingPrincipalTest {
    private final AccessPolicy access = new AccessPolicy(null, java.time.Clock.systemUTC()); // owners resolve from the batch alone

    @Test
    void onlyThePrimingInstanceIsTheSyntheticOwner() {
        assertThat(access.membership(Principal.PRIMING, Snapshot.of(Map.of()))).isEqualTo(AccessPolicy.PRIMING_MEMBERSHIP);
        assertThat(AccessPolicy.PRIMING_MEMBERSHIP.role()).isEqualTo(Role.OWNER);

        Principal fromToken = new ApiRequest(APIGatewayV2HTTPEvent.builder().withRequestContext(
                APIGatewayV2HTTPEvent.RequestContext.builder().withAuthorizer(
                        APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(
                                APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", Principal.PRIMING.userId())).build()).build())
                        .build()).build()).principal();
        assertThat(fromToken).isEqualTo(Principal.PRIMING).isNotSameAs(Principal.PRIMING);
        assertThatThrownBy(() -> access.membership(fromToken, Snapshot.of(Map.of()))).isInstanceOf(NotFoundException.class);
    }
}
