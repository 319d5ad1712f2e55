package io.cloudya.observability;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Every event's Kafka key is its user id (docs/events.md), so a listener's log lines can name the user the way
 * the HTTP side does; the trace id arrives separately, through the record's traceparent header.
 */
public class UserIdMdcRecordInterceptor implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        String userId = MdcKeys.sane(record.key());
        if (userId != null) {
            MDC.put(MdcKeys.USER_ID, userId);
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(MdcKeys.USER_ID);
    }
}
