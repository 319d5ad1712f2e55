package io.cloudya.command.api;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudya.command.web.Caller;
import io.cloudya.contracts.command.ExecutionMode;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** Execute mode is for Pro and Enterprise plans only. */
class CommandPlanGatingTest extends CommandControllerSlice {

    @Test
    void shouldRequireProPlanToExecuteOnFreePlan() throws Exception {
        expectRejected(command("free", "{\"user_input\":\"ls\",\"execution_mode\":\"execute\"}"), 403,
                "plan_required")
                .andExpect(jsonPath("$.message", allOf(containsString("pro"), containsString("enterprise"))))
                .andExpect(jsonPath("$.required_plan").value("pro"));
    }

    @Test
    void shouldRequireProPlanToExecuteOnStarterPlan() throws Exception {
        expectRejected(command("starter", "{\"user_input\":\"ls\",\"execution_mode\":\"execute\"}"), 403,
                "plan_required")
                .andExpect(jsonPath("$.required_plan").value("pro"));
    }

    @Test
    void shouldAcceptExecuteOnEnterprisePlan() throws Exception {
        whenSubmittedAnswer("{}");

        MvcResult started = perform(command("Enterprise", "{\"user_input\":\"ls\",\"execution_mode\":\"execute\"}"))
                .andReturn();
        mvc.perform(asyncDispatch(started)).andExpect(status().isOk());

        verify(submission).submit(eq(new Caller("u1", "enterprise")),
                eq(new ValidCommand("ls", ExecutionMode.EXECUTE)), any(), isNull(), any());
    }
}
