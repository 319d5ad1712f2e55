package io.cloudya.contracts.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Every service writes this body: adding the optional plan must not change any other error's JSON. */
class ApiErrorJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesOnlyStatusCodeAndMessageWhenNoPlanIsRequired() {
        String json = JSON.writeValueAsString(new ApiError(400, "missing_user_input", "user_input is required."));

        assertThat(JSON.readTree(json)).isEqualTo(JSON.readTree(
                "{\"status\":400,\"code\":\"missing_user_input\",\"message\":\"user_input is required.\"}"));
    }

    @Test
    void namesTheRequiredPlanInSnakeCaseBesideTheUsualFields() {
        String json = JSON.writeValueAsString(new ApiError(403, "plan_required", "needs pro", "pro"));

        assertThat(JSON.readTree(json)).isEqualTo(JSON.readTree(
                "{\"status\":403,\"code\":\"plan_required\",\"message\":\"needs pro\",\"required_plan\":\"pro\"}"));
    }

    @Test
    void readsAnErrorWrittenBeforeThePlanExisted() {
        ApiError error = JSON.readValue("{\"status\":503,\"code\":\"overloaded\",\"message\":\"m\"}", ApiError.class);

        assertThat(error).isEqualTo(new ApiError(503, "overloaded", "m"));
    }
}
