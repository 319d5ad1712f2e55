package io.cloudya.aiworker.lane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.Acknowledgment;

/** The committed offset (the highest acknowledged record) never passes a record whose job is still running. */
class InOrderAcksTest {

    private final InOrderAcks acks = new InOrderAcks();
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();

    @Test
    void shouldHoldBackFinishedJobsUntilEveryEarlierOneOfTheirPartitionIsDone() {
        var first = track("jobs", 0, 10);
        var second = track("jobs", 0, 11);
        var third = track("jobs", 0, 12);

        third.done();
        second.done();
        assertThat(acknowledged).isEmpty();

        first.done();
        assertThat(acknowledged).containsExactly("jobs-0@12");
        assertThat(acks.unacknowledged()).isZero();
    }

    @Test
    void shouldAcknowledgeTheFinishedPrefixAndWaitForTheRest() {
        var first = track("jobs", 0, 10);
        var second = track("jobs", 0, 11);
        track("jobs", 0, 12);

        first.done();
        second.done();

        assertThat(acknowledged).containsExactly("jobs-0@10", "jobs-0@11");
        assertThat(acks.unacknowledged()).isEqualTo(1);
    }

    @Test
    void shouldKeepEachPartitionsOrderApart() {
        var slow = track("jobs", 0, 5);
        var fast = track("jobs", 1, 7);

        fast.done();

        assertThat(acknowledged).containsExactly("jobs-1@7");
        slow.done();
        assertThat(acknowledged).containsExactly("jobs-1@7", "jobs-0@5");
    }

    @Test
    void shouldAcknowledgeNothingForAPartitionRevokedWhileItsJobRan() {
        var running = track("jobs", 0, 3);

        acks.forget(List.of(new TopicPartition("jobs", 0)));
        running.done();

        assertThat(acknowledged).isEmpty();
    }

    @Test
    void shouldNotAwaitARecordHandedBackToKafka() {
        var first = track("jobs", 0, 1);
        var handedBack = track("jobs", 0, 2);

        handedBack.abandon();
        first.done();
        assertThat(acknowledged).containsExactly("jobs-0@1");

        // polled again after the seek: tracked afresh
        track("jobs", 0, 2).done();
        assertThat(acknowledged).containsExactly("jobs-0@1", "jobs-0@2");
    }

    private InOrderAcks.Ticket track(String topic, int partition, long offset) {
        var record = new ConsumerRecord<>(topic, partition, offset, "user", "{}");
        Acknowledgment ack = () -> acknowledged.add(topic + "-" + partition + "@" + offset);
        return acks.track(record, ack);
    }
}
