package io.cloudya.command.store;

import io.cloudya.contracts.ai.ProposedCommand;
import io.cloudya.contracts.command.ExecutionMode;
import io.cloudya.contracts.token.HeldTokens;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Maps command rows; the proposed commands column holds the contracts JSON of {@link ProposedCommand}. */
class StoredCommandMapper implements RowMapper<StoredCommand> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ProposedCommand>> COMMANDS = new TypeReference<>() { };

    String commandsJson(List<ProposedCommand> commands) {
        return JSON.writeValueAsString(commands);
    }

    @Override
    public StoredCommand mapRow(ResultSet rs, int rowNum) throws SQLException {
        String commands = rs.getString("commands");
        return new StoredCommand(
                rs.getObject("id", UUID.class),
                rs.getString("user_id"),
                rs.getString("plan"),
                rs.getString("user_input"),
                ExecutionMode.fromWire(rs.getString("execution_mode")).orElseThrow(),
                CommandStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("completed_at")),
                rs.getString("response"),
                commands == null ? List.of() : JSON.readValue(commands, COMMANDS),
                rs.getString("provider"),
                rs.getString("model"),
                rs.getObject("words_used", Integer.class),
                rs.getString("failure_code"),
                rs.getString("failure_message"),
                reservation(rs),
                rs.getString("trace_id"),
                rs.getObject("conversation_id", UUID.class),
                rs.getObject("streamed", Boolean.class));
    }

    private static HeldTokens reservation(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("reservation_id", UUID.class);
        return id == null ? null
                : new HeldTokens(id, rs.getLong("reserved_tokens"), rs.getLong("available_after"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
