package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The first training starts at the threshold, once at a time, and a failure pauses it instead of escaping. */
class FirstTrainingTest {

    private final AtomicLong clock = new AtomicLong();
    private final FirstTraining first = new FirstTraining(20, Duration.ofSeconds(30), clock::get);
    private final AtomicInteger trainings = new AtomicInteger();
    private volatile boolean trained;

    private FirstTraining.Train succeeding() {
        return () -> {
            trainings.incrementAndGet();
            trained = true;
            return true;
        };
    }

    @Test
    void trainsOnceTheThresholdIsStoredAndNotAgainAfterwards() {
        assertThat(first.check(() -> trained, limit -> 19, succeeding())).isEqualTo(FirstTraining.Outcome.TOO_FEW);
        assertThat(trainings).hasValue(0);
        assertThat(first.check(() -> trained, limit -> Math.min(limit, 20), succeeding())).isEqualTo(FirstTraining.Outcome.TRAINED);
        assertThat(first.check(() -> trained, limit -> Math.min(limit, 500), succeeding())).isEqualTo(FirstTraining.Outcome.ALREADY_TRAINED);
        assertThat(trainings).hasValue(1);
    }

    @Test
    void theCountIsAskedNoFurtherThanTheThreshold() {
        AtomicLong asked = new AtomicLong();
        first.check(() -> false, limit -> {
            asked.set(limit);
            return 0;
        }, succeeding());
        assertThat(asked).hasValue(20);
    }

    @Test
    void aFailedTrainingIsReportedAndRetriedOnlyAfterThePause() {
        AtomicInteger attempts = new AtomicInteger();
        FirstTraining.Train failing = () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("database went away");
        };
        assertThat(first.check(() -> trained, limit -> 20, failing)).isEqualTo(FirstTraining.Outcome.FAILED);
        clock.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(first.check(() -> trained, limit -> 20, succeeding())).isEqualTo(FirstTraining.Outcome.PAUSED);
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(first.check(() -> trained, limit -> 20, succeeding())).isEqualTo(FirstTraining.Outcome.TRAINED);
        assertThat(attempts).hasValue(1);
        assertThat(trainings).hasValue(1);
    }

    @Test
    void anErrorOfTheCountOrAnOutOfMemoryTrainingDoesNotEscape() {
        assertThat(first.check(() -> false, limit -> {
            throw new java.sql.SQLException("refused");
        }, succeeding())).isEqualTo(FirstTraining.Outcome.FAILED);
        clock.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(first.check(() -> false, limit -> 20, () -> {
            throw new OutOfMemoryError("Java heap space");
        })).isEqualTo(FirstTraining.Outcome.FAILED);
        assertThat(first.lastFailure()).contains("Java heap space");
        clock.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(first.check(() -> false, limit -> 20, () -> false)).isEqualTo(FirstTraining.Outcome.NOT_TRAINED);
        assertThat(first.check(() -> false, limit -> 20, succeeding())).isEqualTo(FirstTraining.Outcome.PAUSED);
    }

    @Test
    void concurrentChecksNeverTrainTwiceAtOnce() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        FirstTraining.Train slow = () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            inside.countDown();
            release.await(10, TimeUnit.SECONDS);
            running.decrementAndGet();
            trained = true;
            return true;
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<FirstTraining.Outcome> firstCheck = pool.submit(() -> first.check(() -> trained, limit -> 20, slow));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 3; i++) {
                assertThat(pool.submit(() -> first.check(() -> trained, limit -> 20, slow)).get(10, TimeUnit.SECONDS))
                        .isEqualTo(FirstTraining.Outcome.BUSY);
            }
            release.countDown();
            assertThat(firstCheck.get(10, TimeUnit.SECONDS)).isEqualTo(FirstTraining.Outcome.TRAINED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(most).hasValue(1);
    }

    @Test
    void aThresholdBelowOneIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FirstTraining(0, Duration.ofSeconds(1), System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
