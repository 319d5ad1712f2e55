package io.cloudya.relay.bench;

import java.io.IOException;

import io.cloudya.relay.config.RelayProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The relay's real application.yml, bound as the application binds it (environment variables included). */
final class BenchConfig {

    private BenchConfig() {
    }

    static RelayProperties applicationYaml() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return Binder.get(environment).bind("relay", RelayProperties.class).get();
    }
}
