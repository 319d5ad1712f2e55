package io.cloudya.token;

import io.cloudya.contracts.Topics;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/** One application context (and one embedded broker) shared by every integration test of this service. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 1, topics = {Topics.COMMAND_EVENTS, Topics.USER_EVENTS, Topics.SUBSCRIPTION_EVENTS,
        Topics.PAYMENT_EVENTS, Topics.RESERVATION_EVENTS, Topics.TOKEN_ACCOUNT_EVENTS, Topics.AI_JOB_REQUESTS,
        Topics.AI_JOB_REQUESTS_PRIORITY, Topics.AI_JOB_EVENTS})
@Import(FaultInjection.class)
public @interface TokenServiceIT {
}
