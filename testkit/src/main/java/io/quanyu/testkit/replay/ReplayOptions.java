package io.quanyu.testkit.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What to replay: where the data is, when the latest derived event happens, how many ratings (0 = all). */
public record ReplayOptions(Path dataDir, Instant anchor, int maxRatings) {

    /** System property naming the shared data directory (surefire sets it for tests). */
    public static final String DATA_DIR_PROPERTY = "quanyu.data.dir";

    // dataDir may be the shared data dir or the movielens-100k dir itself; maxRatings counts in time order.

    public ReplayOptions {
        if (maxRatings < 0) {
            throw new IllegalArgumentException("maxRatings must be >= 0 (0 = all), was " + maxRatings);
        }
        dataDir = dataDir == null ? defaultDataDir() : dataDir;
        // Mini-program and POS times have whole seconds only: a finer anchor could not be met exactly.
        anchor = (anchor == null ? defaultAnchor() : anchor).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The full log, default data dir, anchored five minutes before the current minute. */
    public static ReplayOptions defaults() {
        return new ReplayOptions(null, null, 0);
    }

    public ReplayOptions withDataDir(Path dir) {
        return new ReplayOptions(dir, anchor, maxRatings);
    }

    public ReplayOptions withAnchor(Instant at) {
        return new ReplayOptions(dataDir, at, maxRatings);
    }

    public ReplayOptions withMaxRatings(int n) {
        return new ReplayOptions(dataDir, anchor, n);
    }

    /** Now, truncated to the minute, minus five minutes: recent, yet never in the future of a consumer's clock. */
    public static Instant defaultAnchor() {
        return Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
    }

    /**
     * {@code quanyu.data.dir}, else {@code ../shared/data} (from the project root), else
     * {@code ../../shared/data} (from a module directory, where Maven runs tests).
     */
    public static Path defaultDataDir() {
        String prop = System.getProperty(DATA_DIR_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        for (Path candidate : List.of(Path.of("..", "shared", "data"), Path.of("..", "..", "shared", "data"))) {
            if (Files.isDirectory(candidate.resolve(MovieLensData.DIR_NAME))) {
                return candidate;
            }
        }
        return Path.of("..", "shared", "data");
    }
}
