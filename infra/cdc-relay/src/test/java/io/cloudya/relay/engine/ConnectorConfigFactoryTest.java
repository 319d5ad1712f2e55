package io.cloudya.relay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import io.cloudya.relay.config.RelayProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Binds the real application.yml, as the application does, and checks the connector settings it yields. */
class ConnectorConfigFactoryTest {

    private final RelayProperties properties = bindApplicationYaml();

    @Test
    void shouldKeepDebeziumRoutingPlaceholderLiteral() {
        assertThat(properties.connector())
                .containsEntry("transforms.outbox.route.topic.replacement", "${routedByValue}");
    }

    @Test
    void shouldRelayEveryServiceDatabaseByDefault() {
        assertThat(properties.databases())
                .containsExactly("cloudya_auth", "cloudya_command", "cloudya_token", "cloudya_billing", "cloudya_ai");
    }

    @Test
    void shouldDeriveSlotTopicPrefixAndOffsetsFileFromDatabaseName() {
        Properties config = new ConnectorConfigFactory(properties).create("cloudya_command");

        assertThat(config.getProperty("database.dbname")).isEqualTo("cloudya_command");
        assertThat(config.getProperty("slot.name")).isEqualTo("cloudya_command_outbox");
        assertThat(config.getProperty("topic.prefix")).isEqualTo("cloudya_command");
        assertThat(config.getProperty("offset.storage.file.filename")).endsWith("cloudya_command.offsets");
        assertThat(config.getProperty("database.password")).as("no password under trust auth").isNull();
    }

    @Test
    void shouldUseExistingPublicationAndRouteByTopicColumn() {
        Properties config = new ConnectorConfigFactory(properties).create("cloudya_auth");

        assertThat(config.getProperty("publication.name")).isEqualTo("cloudya_outbox");
        assertThat(config.getProperty("publication.autocreate.mode")).isEqualTo("disabled");
        assertThat(config.getProperty("transforms.outbox.route.by.field")).isEqualTo("topic");
        assertThat(config.getProperty("poll.interval.ms")).isEqualTo("100");
        assertThat(config.getProperty("transforms.outbox.table.fields.additional.placement"))
                .isEqualTo("type:header:eventType,traceparent:header:traceparent");
        assertThat(config.getProperty("transforms.outbox.table.field.additional.missing")).isEqualTo("ignore");
    }

    private static RelayProperties bindApplicationYaml() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            return Binder.get(environment).bind("relay", RelayProperties.class).get();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
