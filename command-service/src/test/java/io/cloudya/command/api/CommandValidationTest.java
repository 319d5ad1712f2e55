package io.cloudya.command.api;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** What {@code POST /api/command} refuses before any saga starts: identity, body, input and mode. */
class CommandValidationTest extends CommandControllerSlice {

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
    void shouldKeepOtherRefusalsToStatusCodeAndMessageWithoutRequiredPlan() throws Exception {
        expectRejected(command("free", "{\"user_input\":\"ls\",\"execution_mode\":\"yolo\"}"), 400,
                "unknown_execution_mode")
                .andExpect(jsonPath("$.*", hasSize(3)))
                .andExpect(jsonPath("$.required_plan").doesNotExist());
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
}
