package io.cloudya.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The system tests start the suite with {@code CLOUDYA_AOT=true} (RunningSuite): every Spring part must then run
 * from the AOT cache its training made. A cache the JVM rejects (another JDK, other options) is not mapped, and a
 * failed training leaves the part on its fat jar: both would only show as a slower start, so this checks the maps.
 */
class AotCacheSystemIT {

    private static final List<String> SPRING_PARTS = List.of("gateway-service", "auth-service", "command-service",
            "token-service", "billing-service", "ai-worker", "cdc-relay");

    @Test
    void everySpringPartRunsFromItsTrainedAotCache() throws IOException {
        Path varDir = RunningSuite.varDir();
        assumeTrue(varDir != null, "an external suite: its start options are not ours");
        for (String name : SPRING_PARTS) {
            Path cache = varDir.resolve("aot").resolve(name).resolve("app.aot").toRealPath();
            assertThat(new SuitePart(name, varDir).mappedFiles()).as(name + "'s mapped files").contains(cache);
        }
    }
}
