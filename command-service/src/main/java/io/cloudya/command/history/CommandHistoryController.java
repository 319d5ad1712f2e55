package io.cloudya.command.history;

import io.cloudya.command.store.CommandRepository;
import io.cloudya.command.web.ApiException;
import io.cloudya.command.web.Caller;
import io.cloudya.contracts.http.IdentityHeaders;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own commands. Another user's command answers 404, not 403: its existence is not revealed. */
@RestController
public class CommandHistoryController {

    static final int MAX_PAGE_SIZE = 100;

    private final CommandRepository commands;

    public CommandHistoryController(CommandRepository commands) {
        this.commands = commands;
    }

    @GetMapping("/api/commands")
    public CommandPage list(@RequestHeader(name = IdentityHeaders.USER_ID, required = false) String userId,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size) {
        Caller caller = Caller.fromHeaders(userId, null);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad_page",
                    "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        var items = commands.pageForUser(caller.userId(), page, size).stream().map(CommandView::of).toList();
        return new CommandPage(items, page, size, commands.countForUser(caller.userId()));
    }

    @GetMapping("/api/commands/{id}")
    public CommandView one(@RequestHeader(name = IdentityHeaders.USER_ID, required = false) String userId,
                           @PathVariable String id) {
        Caller caller = Caller.fromHeaders(userId, null);
        return parse(id).flatMap(commandId -> commands.findForUser(commandId, caller.userId()))
                .map(CommandView::of)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "command_not_found",
                        "No command " + id + " among your commands."));
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
