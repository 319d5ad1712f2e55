package io.cloudya.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.gateway.ratelimit.RateLimitProperties.PlanRate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LeasesTest {

    final Leases leases = new Leases();
    final PlanRate enterprise = new PlanRate(600, 1200);

    @Test
    void keepsEveryRequestOfGrantsThatRacedForTheSameUser() {
        // two requests found the lease empty at once and each took 64 from Redis
        leases.granted("enterprise:u-1", 64, 1072 * 60, 0);
        leases.granted("enterprise:u-1", 64, 1008 * 60, 10);

        long spent = IntStream.range(0, 200).mapToObj(i -> leases.spend("enterprise:u-1", enterprise, 20))
                .takeWhile(decision -> decision != null).count();

        assertThat(spent).isEqualTo(126);
    }

    @Test
    void startsAfreshOnceTheLeaseExpired() {
        leases.granted("enterprise:u-1", 64, 1136 * 60, 0);
        long later = Leases.LEASE_LIFETIME.toNanos();
        leases.granted("enterprise:u-1", 4, 1132 * 60, later);

        long spent = IntStream.range(0, 200).mapToObj(i -> leases.spend("enterprise:u-1", enterprise, later + 1))
                .takeWhile(decision -> decision != null).count();

        assertThat(spent).isEqualTo(3);
    }
}
