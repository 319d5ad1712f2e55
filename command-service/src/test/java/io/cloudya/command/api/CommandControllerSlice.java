package io.cloudya.command.api;

import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudya.command.answer.AnswerChannels;
import io.cloudya.command.answer.OpenAnswer;
import io.cloudya.command.config.CommandProperties;
import io.cloudya.command.saga.CommandSubmission;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.request.async.DeferredResult;

/** The web slice of {@code POST /api/command} every controller test runs against, and its request helpers. */
@WebMvcTest(CommandController.class)
@Import({CommandRequestValidator.class, CommandControllerSlice.Properties.class})
abstract class CommandControllerSlice {

    /** Binds the real application.yml limits, so the tests check the shipped defaults. */
    @EnableConfigurationProperties(CommandProperties.class)
    static class Properties {
    }

    @Autowired MockMvc mvc;
    @MockitoBean CommandSubmission submission;
    @MockitoBean AnswerChannels channels;

    void whenSubmittedAnswer(String body) {
        var answered = new DeferredResult<ResponseEntity<Object>>();
        answered.setResult(ResponseEntity.ok(body));
        when(channels.open(anyBoolean())).thenReturn(new OpenAnswer(answer -> { }, answered));
    }

    ResultActions expectRejected(MockHttpServletRequestBuilder request, int status, String code) throws Exception {
        ResultActions result = perform(request)
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.message").isNotEmpty());
        verifyNoInteractions(submission);
        return result;
    }

    static MockHttpServletRequestBuilder command(String plan, String body) {
        return post("/api/command").header("X-User-Id", "u1").header("X-User-Plan", plan)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request);
    }
}
