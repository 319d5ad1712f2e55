package io.cloudya.token.api;

import io.cloudya.contracts.http.IdentityHeaders;
import io.cloudya.token.account.AccountRepository;
import io.cloudya.token.ledger.LedgerEntries;
import io.micrometer.core.annotation.Timed;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own balance and ledger (read-only: money moves by events only). */
@RestController
@Timed("tokens.api")
public class TokenController {

    static final int MAX_PAGE_SIZE = 100;

    private final AccountRepository accounts;
    private final LedgerEntries entries;

    public TokenController(AccountRepository accounts, LedgerEntries entries) {
        this.accounts = accounts;
        this.entries = entries;
    }

    @GetMapping("/api/tokens/balance")
    public BalanceView balance(@RequestHeader(name = IdentityHeaders.USER_ID, required = false) String userId) {
        Caller caller = Caller.fromHeader(userId);
        return accounts.find(caller.userId()).map(BalanceView::of).orElseThrow(() -> notFound(caller));
    }

    @GetMapping("/api/tokens/history")
    public HistoryPage history(@RequestHeader(name = IdentityHeaders.USER_ID, required = false) String userId,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "20") int size) {
        Caller caller = Caller.fromHeader(userId);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad_page",
                    "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        if (accounts.find(caller.userId()).isEmpty()) {
            throw notFound(caller);
        }
        var items = entries.page(caller.userId(), page, size).stream().map(EntryView::of).toList();
        return new HistoryPage(items, page, size, entries.count(caller.userId()));
    }

    private static ApiException notFound(Caller caller) {
        return new ApiException(HttpStatus.NOT_FOUND, "account_not_found",
                "No token account for user " + caller.userId() + ".");
    }
}
