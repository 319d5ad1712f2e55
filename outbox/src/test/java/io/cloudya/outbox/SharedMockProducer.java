package io.cloudya.outbox;

import java.time.Duration;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A MockProducer that stays open when KafkaTemplate closes it after a send, as the shared producer of Spring's
 * DefaultKafkaProducerFactory does; a plain one would refuse every send after the first.
 */
class SharedMockProducer extends MockProducer<String, String> {

    SharedMockProducer(boolean autoComplete) {
        super(autoComplete, null, new StringSerializer(), new StringSerializer());
    }

    @Override
    public void close(Duration timeout) {
    }
}
