package org.scholarly.notification.events;

import java.util.OptionalLong;

/** Citation milestones: 1, 10, 100, 1000, ... */
public final class Milestones {

    private Milestones() {
    }

    /** The highest milestone m with {@code previous < m <= current}: one jump over several is one notification. */
    public static OptionalLong crossed(long previous, long current) {
        long found = -1;
        long m = 1;
        while (m <= current) {
            if (m > previous) {
                found = m;
            }
            if (m > Long.MAX_VALUE / 10) {
                break;
            }
            m *= 10;
        }
        return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
    }
}
