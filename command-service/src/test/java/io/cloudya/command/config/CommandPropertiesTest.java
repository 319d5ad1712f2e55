package io.cloudya.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The admission limit per plan and the plan a refused caller is told to buy, as application.yml ships them. */
class CommandPropertiesTest {

    @EnableConfigurationProperties(CommandProperties.class)
    static class Bound {
    }

    private final ApplicationContextRunner shipped = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Bound.class);

    @Test
    void reservesAFifthOfThePendingAnswersForPriorityPlansByDefault() {
        shipped.withSystemProperties("MAX_PENDING_ANSWERS=1000").run(context -> {
            CommandProperties properties = context.getBean(CommandProperties.class);

            assertThat(properties.priorityReservedAnswers()).isEqualTo(200);
            assertThat(properties.pendingAnswersLimitFor("free")).isEqualTo(800);
            assertThat(properties.pendingAnswersLimitFor("starter")).isEqualTo(800);
            assertThat(properties.pendingAnswersLimitFor("pro")).isEqualTo(1000);
            assertThat(properties.pendingAnswersLimitFor("enterprise")).isEqualTo(1000);
        });
    }

    @Test
    void holdsByDefaultWhatAQuarterOfTheHeapHolds() {
        shipped.run(context -> {
            CommandProperties properties = context.getBean(CommandProperties.class);

            assertThat(properties.maxPendingAnswers())
                    .isEqualTo(CommandProperties.parkableIn(Runtime.getRuntime().maxMemory()));
            assertThat(properties.priorityReservedAnswers()).isEqualTo(properties.maxPendingAnswers() / 5);
        });
    }

    @Test
    void sizesTheDefaultLimitToTheHeap() {
        assertThat(CommandProperties.parkableIn(192L << 20)).isEqualTo(384);
        assertThat(CommandProperties.parkableIn(1L << 30)).isEqualTo(2048);
        assertThat(CommandProperties.parkableIn(2L << 20)).as("never below ten").isEqualTo(10);
    }

    @Test
    void takesTheReserveFromItsEnvironmentVariable() {
        shipped.withSystemProperties("PRIORITY_RESERVED_ANSWERS=50", "MAX_PENDING_ANSWERS=300").run(context -> {
            CommandProperties properties = context.getBean(CommandProperties.class);

            assertThat(properties.pendingAnswersLimitFor("free")).isEqualTo(250);
            assertThat(properties.pendingAnswersLimitFor("pro")).isEqualTo(300);
        });
    }

    @Test
    void refusesToStartWithAReserveLargerThanTheLimit() {
        shipped.withSystemProperties("PRIORITY_RESERVED_ANSWERS=1001", "MAX_PENDING_ANSWERS=1000").run(context ->
                assertThat(context).hasFailed());
        assertThatThrownBy(() -> withReserve(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void letsAZeroReserveShareTheWholeLimitAlike() {
        CommandProperties properties = withReserve(0);

        assertThat(properties.pendingAnswersLimitFor("free")).isEqualTo(properties.pendingAnswersLimitFor("pro"));
    }

    @Test
    void namesTheFirstConfiguredExecutePlanAsTheCheapestThatUnlocksIt() {
        shipped.run(context -> assertThat(context.getBean(CommandProperties.class).cheapestExecutePlan())
                .isEqualTo("pro"));
        shipped.withPropertyValues("cloudya.command.execute-plans=enterprise").run(context ->
                assertThat(context.getBean(CommandProperties.class).cheapestExecutePlan()).isEqualTo("enterprise"));
    }

    private static CommandProperties withReserve(int reserved) {
        return new CommandProperties(Duration.ofSeconds(30), 4000, "answers", List.of("pro"), List.of("pro"),
                Map.of(), 1000, reserved);
    }
}
