package io.cloudya.relay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Streams each service's outbox table to Kafka with one Debezium embedded engine per database.
 * It is the local and test stand-in for Kafka Connect: the connector settings in application.yml use
 * Kafka Connect's keys (see connect/cloudya-command-outbox.json).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RelayApplication {

    public static void main(String[] args) {
        SpringApplication.run(RelayApplication.class, args);
    }
}
