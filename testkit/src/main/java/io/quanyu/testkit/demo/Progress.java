package io.quanyu.testkit.demo;

import java.util.function.LongSupplier;

/** A one-line progress bar for the demo: redrawn in place on a terminal, a line per quarter otherwise. */
final class Progress {

    private static final boolean TTY = System.console() != null;

    private Progress() {
    }

    /** Redraws until done() reaches total or the timeout passes; returns the last value. */
    static long await(String label, long total, LongSupplier done, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long value = 0;
        int lastQuarter = -1;
        while (true) {
            value = Math.min(total, done.getAsLong());
            int pct = total == 0 ? 100 : (int) (100 * value / total);
            if (TTY) {
                int filled = pct * 30 / 100;
                System.out.printf("\r  %-34s [%s%s] %3d%%", label, "#".repeat(filled), ".".repeat(30 - filled), pct);
            } else if (pct / 25 != lastQuarter) {
                lastQuarter = pct / 25;
                System.out.printf("  %-34s %3d%%%n", label, pct);
            }
            if (value >= total || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(500);
        }
        if (TTY) {
            System.out.println();
        }
        return value;
    }
}
