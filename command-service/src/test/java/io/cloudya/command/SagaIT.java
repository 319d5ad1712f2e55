package io.cloudya.command;

import io.cloudya.contracts.Topics;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * The running service against the real test database and an embedded broker, with a deadline long enough that
 * only the timeout tests see one. One annotation, so every IT using it shares one cached context and broker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cloudya.command.answer-timeout=20s", "cloudya.chat.max-history-messages=4"})
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 1, topics = {Topics.COMMAND_EVENTS, Topics.AI_JOB_REQUESTS,
        Topics.AI_JOB_REQUESTS_PRIORITY, Topics.AI_JOB_EVENTS, Topics.RESERVATION_EVENTS, Topics.AI_ANSWER_CHUNKS})
public @interface SagaIT {
}
