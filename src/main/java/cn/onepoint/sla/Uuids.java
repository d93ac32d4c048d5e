package cn.onepoint.sla;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Time-ordered ids (UUID version 7: 48-bit milliseconds, then random bits) for the rows the engine
 * writes in bursts: consecutive ids land on the right edge of the primary-key index instead of on
 * random pages, which keeps a burst of breaches cheap on a large table.
 */
public final class Uuids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Uuids() {
    }

    public static UUID timeOrdered(Instant at) {
        long millis = at.toEpochMilli();
        long msb = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFF);
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
