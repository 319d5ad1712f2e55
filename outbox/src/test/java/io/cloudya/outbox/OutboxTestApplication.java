package io.cloudya.outbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A minimal application for the outbox module's own integration tests. */
@SpringBootApplication
class OutboxTestApplication {

    /** Captures what the fast path would send, so tests see exactly when it fires. */
    static final List<OutboxMessage> FAST_PATH_SENT = new CopyOnWriteArrayList<>();

    @Bean
    OutboxFastPath capturingFastPath() {
        return FAST_PATH_SENT::add;
    }
}
