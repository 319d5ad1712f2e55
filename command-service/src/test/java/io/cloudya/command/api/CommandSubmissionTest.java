package io.cloudya.command.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudya.command.web.Caller;
import io.cloudya.contracts.command.ExecutionMode;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** A valid command is submitted with the caller's identity, answered as JSON or, when asked for, as a stream. */
class CommandSubmissionTest extends CommandControllerSlice {

    @Test
    void shouldDefaultToSuggestAndPassIdentityAndRequestId() throws Exception {
        whenSubmittedAnswer("{\"ok\":true}");

        MvcResult started = perform(command("pro", "{\"user_input\":\"list pods\"}").header("X-Request-Id", "req-9"))
                .andReturn();
        mvc.perform(asyncDispatch(started)).andExpect(status().isOk());

        verify(submission).submit(eq(new Caller("u1", "pro")),
                eq(new ValidCommand("list pods", ExecutionMode.SUGGEST)), eq("req-9"), isNull(), any());
        verify(channels).open(false);
    }

    @Test
    void shouldOpenStreamWhenClientAcceptsEventStream() throws Exception {
        whenSubmittedAnswer("{}");

        perform(command("free", "{\"user_input\":\"ls\"}").accept(MediaType.TEXT_EVENT_STREAM)).andReturn();

        verify(channels).open(true);
    }

    @Test
    void shouldRefuseStreamingClientWithJsonErrorBeforeStreamOpens() throws Exception {
        perform(command("free", "{\"user_input\":\"\"}").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.code").value("missing_user_input"));
        verifyNoInteractions(submission, channels);
    }
}
