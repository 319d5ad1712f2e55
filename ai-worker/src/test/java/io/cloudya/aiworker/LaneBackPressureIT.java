package io.cloudya.aiworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.AiJobRequested;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A lane that stays full longer than slot-wait hands the waiting record back to Kafka, which delivers it again:
 * the consumer keeps polling, and no job is lost or answered twice.
 */
@SpringBootTest(properties = {"cloudya.ai.lanes.standard.max-in-flight=1", "cloudya.ai.lanes.slot-wait=200ms"})
class LaneBackPressureIT extends HeldProviderITSupport {

    @Test
    void shouldHandBackJobsThatFindTheLaneFullAndAnswerEachOnceLater() throws Exception {
        List<EventEnvelope<AiJobRequested>> requests = new ArrayList<>();
        long lastOffset = -1;
        for (int i = 0; i < 3; i++) {
            var request = held("it-full-" + UUID.randomUUID());
            lastOffset = publish(Topics.AI_JOB_REQUESTS, request);
            requests.add(request);
        }
        awaitHolding(1);
        double fullBefore = laneFull();

        // the consumer gave up waiting for a slot again and again, while the lane held its one job
        await().atMost(WAIT).until(() -> laneFull() >= fullBefore + 3);
        assertThat(PROVIDER.holding()).isEqualTo(1);

        PROVIDER.release();
        for (var request : requests) {
            awaitCompleted(request);
            assertThat(PROVIDER.requestsMentioning(heldFor(request.key()))).isEqualTo(1);
            assertThat(jobs.countForCommand(request.payload().commandId())).isEqualTo(1);
        }
        long end = lastOffset + 1;
        await().atMost(WAIT).until(() -> committedOffset() == end);
    }

    private double laneFull() {
        var counter = meters.find("ai.jobs.lane.full").tag("lane", "standard").counter();
        return counter == null ? 0 : counter.count();
    }
}
