package io.cloudya.command.api;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The plan named in {@code required_plan} comes from {@code execute-plans}, not from the code. */
@TestPropertySource(properties = "cloudya.command.execute-plans=enterprise")
class RequiredPlanFollowsConfigurationTest extends CommandControllerSlice {

    @Test
    void shouldNameEnterpriseWhenOnlyEnterpriseMayExecute() throws Exception {
        expectRejected(command("pro", "{\"user_input\":\"ls\",\"execution_mode\":\"execute\"}"), 403,
                "plan_required")
                .andExpect(jsonPath("$.required_plan").value("enterprise"));
    }
}
