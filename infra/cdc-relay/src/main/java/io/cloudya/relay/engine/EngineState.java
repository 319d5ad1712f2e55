package io.cloudya.relay.engine;

/** Where one engine is, and why, as health reports it. */
public record EngineState(Phase phase, String reason) {

    public enum Phase { STOPPED, WAITING, STARTING, RUNNING }

    public static EngineState stopped() {
        return new EngineState(Phase.STOPPED, "stopped");
    }

    public static EngineState waiting(String reason) {
        return new EngineState(Phase.WAITING, reason);
    }

    public static EngineState starting() {
        return new EngineState(Phase.STARTING, "connecting to the replication slot");
    }

    public static EngineState running() {
        return new EngineState(Phase.RUNNING, "streaming");
    }

    public boolean isRunning() {
        return phase == Phase.RUNNING;
    }
}
