package com.practicecal.local;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of integration tests against the local stack:
 * <pre>{@code
 * class RoomsIT extends LocalStackIT {
 *     @Test
 *     void ownerCreatesRoom() {
 *         TestUser owner = users.signUpAndLogin(Plan.M);
 *         ApiResult created = api.post("/v1/rooms", Map.of("name", "Room 1"), owner.accessToken());
 *         assertThat(created.status()).as("%s", created).isEqualTo(201);
 *     }
 * }
 * }</pre>
 * All subclasses in one JVM share one provisioned stack; create your own users rather than relying on state.
 */
@ExtendWith(LocalStackExtension.class)
public abstract class LocalStackIT {
    protected final LocalStack local = LocalStack.shared();
    protected final ApiClient api = local.client();
    protected final TestUsers users = local.users();
    protected final CountingInterceptor awsCalls = local.awsCalls();
}
