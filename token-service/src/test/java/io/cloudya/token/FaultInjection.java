package io.cloudya.token;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.outbox.OutboxFastPath;
import io.cloudya.outbox.OutboxTraceContext;
import io.cloudya.outbox.OutboxWriter;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A crash between the ledger write and the commit: when armed, the outbox append (the last step of every
 * money-moving transaction, after the ledger entries) throws, so the transaction rolls back as if the process died.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FaultInjection {

    /** How many of the next outbox appends fail. */
    public static final AtomicInteger FAIL_NEXT_APPENDS = new AtomicInteger();
    public static final AtomicInteger INJECTED = new AtomicInteger();

    @Bean
    @Primary
    OutboxWriter faultyOutboxWriter(DataSource dataSource, OutboxFastPath fastPath,
                                    ObjectProvider<OutboxTraceContext> trace) {
        return new OutboxWriter(JdbcClient.create(dataSource), fastPath,
                trace.getIfAvailable(() -> OutboxTraceContext.NONE)) {
            @Override
            public void append(String topic, String aggregateType, EventEnvelope<?> event) {
                super.append(topic, aggregateType, event);
                if (FAIL_NEXT_APPENDS.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    INJECTED.incrementAndGet();
                    throw new IllegalStateException("injected crash before commit");
                }
            }
        };
    }
}
