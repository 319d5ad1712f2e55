package io.cloudya.token.ledger;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/** {@code GET /actuator/ledgeraudit}: an ops endpoint on the management side, never on the public /api path. */
@Component
@Endpoint(id = "ledgeraudit")
public class LedgerAuditEndpoint {

    private final LedgerAudit audit;

    public LedgerAuditEndpoint(LedgerAudit audit) {
        this.audit = audit;
    }

    @ReadOperation
    public AuditReport audit() {
        return audit.run();
    }
}
