package io.quanyu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The periodic loop: a failing round is reported and the loop goes on; stop ends it within its pause, and the end runs once. */
class PeriodicLoopTest {

    @Test
    void failuresAreReportedAndTheLoopGoesOnUntilStopped() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        CountDownLatch fiveRounds = new CountDownLatch(5);
        PeriodicLoop loop = new PeriodicLoop(Duration.ofMillis(10), l -> {
            fiveRounds.countDown();
            if (rounds.incrementAndGet() % 2 == 1) {
                throw new IllegalStateException("database away");
            }
        }, e -> failures.incrementAndGet(), finished::incrementAndGet);
        Thread t = Thread.ofPlatform().start(loop);
        assertThat(fiveRounds.await(10, TimeUnit.SECONDS)).isTrue();
        loop.stop();
        t.join(5_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(failures.get()).isBetween(rounds.get() / 2, rounds.get() / 2 + 1).isGreaterThanOrEqualTo(3);
        assertThat(finished.get()).isEqualTo(1);
    }

    @Test
    void stopEndsALongPauseAtOnce() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        PeriodicLoop loop = new PeriodicLoop(Duration.ofHours(1), l -> ran.countDown(), e -> { }, () -> { });
        Thread t = Thread.ofPlatform().start(loop);
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        loop.stop();
        t.join(5_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }
}
