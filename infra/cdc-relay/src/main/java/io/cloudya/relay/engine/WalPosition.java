package io.cloudya.relay.engine;

/**
 * A position in PostgreSQL's write-ahead log, ordered as PostgreSQL orders them.
 *
 * @param value the 64-bit position (unsigned): Debezium saves it as a number, PostgreSQL prints it as {@code X/Y}
 */
public record WalPosition(long value) implements Comparable<WalPosition> {

    /** @param text PostgreSQL's form, two hexadecimal halves: {@code 0/16B3748} */
    public static WalPosition parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a WAL position: " + text);
        }
        return new WalPosition(Long.parseUnsignedLong(text.substring(0, slash), 16) << 32
                | Long.parseUnsignedLong(text.substring(slash + 1), 16));
    }

    public boolean isBefore(WalPosition other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(WalPosition other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase() + "/" + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase();
    }
}
