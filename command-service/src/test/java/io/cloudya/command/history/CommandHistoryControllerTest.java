package io.cloudya.command.history;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudya.command.store.CommandRepository;
import io.cloudya.command.store.CommandStatus;
import io.cloudya.command.store.StoredCommand;
import io.cloudya.contracts.command.ExecutionMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(CommandHistoryController.class)
class CommandHistoryControllerTest {

    @Autowired MockMvc mvc;
    @MockitoBean CommandRepository commands;

    @Test
    void shouldAnswerNotFoundForAnotherUsersCommand() throws Exception {
        UUID id = UUID.randomUUID();
        when(commands.findForUser(id, "intruder")).thenReturn(Optional.empty());

        mvc.perform(get("/api/commands/" + id).header("X-User-Id", "intruder"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("command_not_found"));
    }

    @Test
    void shouldListOnlyCallersCommandsInSnakeCase() throws Exception {
        var row = new StoredCommand(UUID.randomUUID(), "u7", "free", "list pods", ExecutionMode.SUGGEST,
                CommandStatus.COMPLETED, Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-26T10:00:01Z"),
                "ok", List.of(), "offline-kb", "kb-2026.11", 5, null, null, null, "req-1", null, false);
        when(commands.pageForUser("u7", 1, 5)).thenReturn(List.of(row));
        when(commands.countForUser("u7")).thenReturn(6L);

        mvc.perform(get("/api/commands?page=1&size=5").header("X-User-Id", "u7"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].user_input").value("list pods"))
                .andExpect(jsonPath("$.items[0].tokens_used").value(5))
                .andExpect(jsonPath("$.total").value(6));
    }

    @Test
    void shouldRejectHistoryWithoutIdentity() throws Exception {
        mvc.perform(get("/api/commands"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("unauthenticated"));
        verifyNoInteractions(commands);
    }

    @Test
    void shouldRejectOversizedPage() throws Exception {
        mvc.perform(get("/api/commands?size=1000").header("X-User-Id", "u7"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("bad_page"));
        verifyNoInteractions(commands);
    }
}
