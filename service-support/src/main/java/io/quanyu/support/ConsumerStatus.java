package io.quanyu.support;

/** What health checks and the re-drive endpoint need to know of one consumer loop. */
public interface ConsumerStatus {

    /** The consumer's name: its group id, or its client id for a feed without a group; dead letters carry it. */
    String consumer();

    /** True while what it reads cannot be applied for a reason outside the records (database or broker away). */
    boolean failing();

    /** The last failure, for health details and logs; null when none. */
    String lastError();
}
