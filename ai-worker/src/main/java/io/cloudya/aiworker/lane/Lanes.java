package io.cloudya.aiworker.lane;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/** The two lanes: {@code priority} (Pro, Enterprise) and {@code standard} (Free, Starter), each with its own bound. */
@Component
public class Lanes {

    private final JobLane priority;
    private final JobLane standard;

    public Lanes(LaneProperties properties, MeterRegistry meters) {
        this.priority = new JobLane("priority", properties.priority().maxInFlight(), meters);
        this.standard = new JobLane("standard", properties.standard().maxInFlight(), meters);
    }

    public JobLane priority() {
        return priority;
    }

    public JobLane standard() {
        return standard;
    }

    public List<JobLane> all() {
        return List.of(priority, standard);
    }
}
