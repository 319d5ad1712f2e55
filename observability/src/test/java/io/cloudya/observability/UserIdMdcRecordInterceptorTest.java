package io.cloudya.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class UserIdMdcRecordInterceptorTest {

    private final UserIdMdcRecordInterceptor interceptor = new UserIdMdcRecordInterceptor();

    @Test
    void shouldNameTheRecordsUserWhileItIsHandledAndForgetItAfter() {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("command.events", 0, 7L, "user-7", "{}");

        assertThat(interceptor.intercept(record, null)).isSameAs(record);
        assertThat(MDC.get("userId")).isEqualTo("user-7");

        interceptor.afterRecord(record, null);
        assertThat(MDC.get("userId")).isNull();
    }

    @Test
    void shouldLeaveOutKeysThatAreNotPlainIds() {
        interceptor.intercept(new ConsumerRecord<>("command.events", 0, 8L, null, "{}"), null);
        assertThat(MDC.get("userId")).isNull();

        interceptor.intercept(new ConsumerRecord<>("command.events", 0, 9L, "a b\nc", "{}"), null);
        assertThat(MDC.get("userId")).isNull();
    }
}
