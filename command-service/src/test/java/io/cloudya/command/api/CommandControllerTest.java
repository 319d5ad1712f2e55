package io.cloudya.command.api;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudya.command.answer.AnswerChannels;
import io.cloudya.command.answer.OpenAnswer;
import io.cloudya.command.config.CommandProperties;
import io.cloudya.command.saga.CommandSubmission;
import io.cloudya.command.web.Caller;
import io.cloudya.contracts.command.ExecutionMode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.request.async.DeferredResult;

@WebMvcTest(CommandController.class)
@Import({CommandRequestValidator.class, CommandControllerTest.Properties.class})
class CommandControllerTest {

    /** Binds the real application.yml limits, so the tests check the shipped defaults. */
    @EnableConfigurationProperties(CommandProperties.class)
    static class Properties {
    }

    @Autowired MockMvc mvc;
    @MockitoBean CommandSubmission submission;
    @MockitoBean AnswerChannels channels;

    @Test
    void shouldRejectCallWithoutGatewayIdentity() throws Exception {
        perform(post("/api/command").contentType(MediaType.APPLICATION_JSON).content("{\"user_input\":\"ls\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.code").value("unauthenticated"));
        verifyNoInteractions(submission);
    }

    @Test
    void shouldRejectMalformedJson() throws Exception {
        expectRejected(command("free", "{\"user_input\": \"list pods\""), 400, "malformed_json");
    }

    @Test
    void shouldRejectEmptyBodyAsMalformed() throws Exception {
        expectRejected(command("free", ""), 400, "malformed_json");
    }

    @Test
    void shouldRejectMissingUserInput() throws Exception {
        expectRejected(command("free", "{\"execution_mode\":\"suggest\"}"), 400, "missing_user_input");
    }

    @Test
    void shouldRejectBlankUserInput() throws Exception {
        expectRejected(command("free", "{\"user_input\":\"   \"}"), 400, "missing_user_input");
    }

    @Test
    void shouldRejectUserInputLongerThanLimit() throws Exception {
        String tooLong = "a".repeat(4001);
        expectRejected(command("free", "{\"user_input\":\"" + tooLong + "\"}"), 400, "user_input_too_long");
    }

    @Test
    void shouldRejectUnknownExecutionModeListingAllowedModes() throws Exception {
        expectRejected(command("pro", "{\"user_input\":\"ls\",\"execution_mode\":\"yolo\"}"), 400,
                "unknown_execution_mode")
                .andExpect(jsonPath("$.message", allOf(
                        containsString("suggest"), containsString("explain"), containsString("execute"))));
    }

    @Test
    void shouldRequireProPlanToExecuteOnFreePlan() throws Exception {
        expectRejected(command("free", "{\"user_input\":\"ls\",\"execution_mode\":\"execute\"}"), 403,
                "plan_required")
                .andExpect(jsonPath("$.message", allOf(containsString("pro"), containsString("enterprise"))));
    }

    @Test
    void shouldRequireProPlanToExecuteOnStarterPlan() throws Exception {
        expectRejected(command("starter", "{\"user_input\":\"ls\",\"execution_mode\":\"execute\"}"), 403,
                "plan_required");
    }

    @Test
    void shouldRejectNonJsonContentType() throws Exception {
        perform(post("/api/command").header("X-User-Id", "u1").contentType(MediaType.TEXT_PLAIN).content("ls"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("unsupported_media_type"));
        verifyNoInteractions(submission);
    }

    @Test
    void shouldAnswerUnknownPathWithApiError() throws Exception {
        perform(get("/api/nothing-here").header("X-User-Id", "u1"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not_found"));
    }

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
    void shouldAcceptExecuteOnEnterprisePlan() throws Exception {
        whenSubmittedAnswer("{}");

        MvcResult started = perform(command("Enterprise", "{\"user_input\":\"ls\",\"execution_mode\":\"execute\"}"))
                .andReturn();
        mvc.perform(asyncDispatch(started)).andExpect(status().isOk());

        verify(submission).submit(eq(new Caller("u1", "enterprise")),
                eq(new ValidCommand("ls", ExecutionMode.EXECUTE)), any(), isNull(), any());
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

    private void whenSubmittedAnswer(String body) {
        var answered = new DeferredResult<ResponseEntity<Object>>();
        answered.setResult(ResponseEntity.ok(body));
        when(channels.open(anyBoolean())).thenReturn(new OpenAnswer(answer -> { }, answered));
    }

    private ResultActions expectRejected(MockHttpServletRequestBuilder request, int status, String code)
            throws Exception {
        ResultActions result = perform(request)
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.message").isNotEmpty());
        verifyNoInteractions(submission);
        return result;
    }

    private static MockHttpServletRequestBuilder command(String plan, String body) {
        return post("/api/command").header("X-User-Id", "u1").header("X-User-Plan", plan)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request);
    }
}
