package io.cloudya.command;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * One more command-service in the test JVM, beside the {@link SagaIT} context: the same database, broker and saga
 * settings, its own HTTP port and its own answers group (the {@code ${random.uuid}} resolves anew per context).
 */
public final class CommandServiceInstance implements AutoCloseable {

    private static final String CLIENT_ID = "command-service-second";

    private final ConfigurableApplicationContext context;

    private CommandServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts it on a random port; returns once started (its listeners may still be joining their groups). */
    public static CommandServiceInstance start(EmbeddedKafkaBroker broker) {
        List<String> args = new ArrayList<>();
        // command-line arguments, not default properties: application.yml would override those
        for (String property : SagaIT.class.getAnnotation(SpringBootTest.class).properties()) {
            args.add("--" + property);
        }
        args.add("--server.port=0");
        // the broker of this context explicitly: another IT's embedded broker may have rewritten the system property
        args.add("--spring.embedded.kafka.brokers=" + broker.getBrokersAsString());
        // the range assignor gives a single partition to the member whose id sorts first; ids start with the client
        // id, and this one sorts before the default "consumer-command-service-<n>" of the @SagaIT context, so this
        // instance runs the durable saga steps and stopping it hands them over (not left to a JVM-wide counter)
        args.add("--spring.kafka.consumer.client-id=" + CLIENT_ID);
        var context = new SpringApplicationBuilder(CommandServiceApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("it")
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
        return new CommandServiceInstance(context);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public KafkaListenerEndpointRegistry listeners() {
        return bean(KafkaListenerEndpointRegistry.class);
    }

    /** Stops it the way a rolling deploy does: its consumers leave their groups, the others take over. */
    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
