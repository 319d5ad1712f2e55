package io.cloudya.command.chat;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudya.command.answer.AnswerChannels;
import io.cloudya.command.answer.OpenAnswer;
import io.cloudya.command.api.CommandRequestValidator;
import io.cloudya.command.api.ValidCommand;
import io.cloudya.command.config.ChatProperties;
import io.cloudya.command.config.CommandProperties;
import io.cloudya.command.conversation.Conversation;
import io.cloudya.command.conversation.ConversationRepository;
import io.cloudya.command.saga.ChatContext;
import io.cloudya.command.saga.CommandSubmission;
import io.cloudya.command.web.Caller;
import io.cloudya.contracts.command.ExecutionMode;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.request.async.DeferredResult;

@WebMvcTest(ChatController.class)
@Import({CommandRequestValidator.class, ChatControllerTest.Properties.class})
class ChatControllerTest {

    /** Binds the shipped application.yml (chat plans, input limit). */
    @EnableConfigurationProperties({CommandProperties.class, ChatProperties.class})
    static class Properties {
    }

    @Autowired MockMvc mvc;
    @MockitoBean CommandSubmission submission;
    @MockitoBean AnswerChannels channels;
    @MockitoBean ConversationRepository conversations;

    @Test
    void shouldRequireStarterPlanToChat() throws Exception {
        mvc.perform(chat("free", "{\"message\":\"hi\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("plan_required"))
                .andExpect(jsonPath("$.message", containsString("starter")))
                .andExpect(jsonPath("$.required_plan").value("starter"));
        verifyNoInteractions(submission, channels);
    }

    @Test
    void shouldRejectBlankMessageWithItsOwnCode() throws Exception {
        mvc.perform(chat("starter", "{\"message\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("missing_message"))
                .andExpect(jsonPath("$.required_plan").doesNotExist());
        verifyNoInteractions(submission);
    }

    @Test
    void shouldKeepExecuteModeForProPlans() throws Exception {
        mvc.perform(chat("starter", "{\"message\":\"ls\",\"execution_mode\":\"execute\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("plan_required"))
                .andExpect(jsonPath("$.required_plan").value("pro"));
        verifyNoInteractions(submission);
    }

    @Test
    void shouldAnswerNotFoundForConversationOfAnotherUser() throws Exception {
        UUID theirs = UUID.randomUUID();
        when(conversations.findForUser(theirs, "u1")).thenReturn(Optional.empty());

        mvc.perform(chat("pro", "{\"conversation_id\":\"" + theirs + "\",\"message\":\"hi\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("conversation_not_found"));
        mvc.perform(chat("pro", "{\"conversation_id\":\"not-a-uuid\",\"message\":\"hi\"}"))
                .andExpect(status().isNotFound());
        verifyNoInteractions(submission);
    }

    @Test
    void shouldContinueOwnConversation() throws Exception {
        UUID mine = UUID.randomUUID();
        when(conversations.findForUser(mine, "u1"))
                .thenReturn(Optional.of(new Conversation(mine, "u1", "t", Instant.now(), Instant.now())));
        var answered = new DeferredResult<ResponseEntity<Object>>();
        answered.setResult(ResponseEntity.ok("{}"));
        when(channels.open(anyBoolean())).thenReturn(new OpenAnswer(answer -> { }, answered));

        var started = mvc.perform(chat("starter", "{\"conversation_id\":\"" + mine + "\",\"message\":\"and web?\"}"))
                .andReturn();
        mvc.perform(asyncDispatch(started)).andExpect(status().isOk());

        verify(submission).submit(eq(new Caller("u1", "starter")),
                eq(new ValidCommand("and web?", ExecutionMode.SUGGEST)), any(), eq(new ChatContext(mine, false)), any());
    }

    private static MockHttpServletRequestBuilder chat(String plan, String body) {
        return post("/api/chat").header("X-User-Id", "u1").header("X-User-Plan", plan)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
