package io.cloudya.billing.stripe;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar billing-service.jar --cloudya.stripe.setup=true}: sets up the Stripe catalog, then exits
 * (status 0 on success) instead of serving.
 */
@Component
@ConditionalOnProperty(name = "cloudya.stripe.setup", havingValue = "true")
class StripeSetupRunner implements ApplicationRunner {

    private final StripeCatalogSetup setup;
    private final ConfigurableApplicationContext context;

    StripeSetupRunner(StripeCatalogSetup setup, ConfigurableApplicationContext context) {
        this.setup = setup;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int status = 0;
        try {
            setup.run();
        } catch (RuntimeException e) {
            status = 1;
            throw e;
        } finally {
            int exitCode = status;
            System.exit(SpringApplication.exit(context, () -> exitCode));
        }
    }
}
