package io.cloudya.gateway.health;

/**
 * One part's answer to its health endpoint: {@code up} from the top-level status, {@code database} from
 * its {@code db} component ("UP", "DOWN", or null when it reported none or could not be reached).
 */
record ServiceHealth(boolean up, String database) {

    static final ServiceHealth UNREACHABLE = new ServiceHealth(false, null);
}
