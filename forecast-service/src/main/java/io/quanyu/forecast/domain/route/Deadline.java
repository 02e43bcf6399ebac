package io.quanyu.forecast.domain.route;

import java.time.Duration;

/** When an optimization must stop improving, and whether it had to: the solvers ask it between steps. */
public final class Deadline {

    /** No limit: every phase runs to its end. */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    private final long atNanos;
    private volatile boolean cut;

    private Deadline(long atNanos) {
        this.atNanos = atNanos;
    }

    /** A deadline that long from now. */
    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + Math.max(0, budget.toNanos()));
    }

    /** True once the time is up; a solver that sees true stops and keeps what it has, which marks this deadline as cut. */
    boolean passed() {
        if (atNanos == Long.MAX_VALUE || System.nanoTime() - atNanos < 0) {
            return false;
        }
        cut = true;
        return true;
    }

    /** Whether some phase stopped early because of it. */
    public boolean cut() {
        return cut;
    }
}
