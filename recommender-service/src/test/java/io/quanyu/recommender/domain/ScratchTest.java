package io.quanyu.recommender.domain;

import io.quanyu.testkit.replay.MovieLensData;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void run() {
        MovieLensData ml = MovieLensData.load(Path.of(System.getProperty("quanyu.data.dir", "/work/shared/data")));
        Interactions.Builder b = Interactions.builder();
        ml.movies().keySet().forEach(id -> b.item("m" + id));
        for (var r : ml.ratings()) {
            b.add("u" + r.userId(), "m" + r.itemId(), 1, Instant.ofEpochSecond(r.epochSecond()));
        }
        Interactions all = b.build();
        Evaluation.Split split = Evaluation.stratifiedSplit(all, 0.75, 42);
        System.out.println(Evaluation.protocol(split, 10));
        Evaluation.Split val = Evaluation.stratifiedSplit(split.train(), 0.75, 43);
        String mode = System.getProperty("scratch", "knn");
        for (Evaluation.Split s : Boolean.getBoolean("valonly") ? new Evaluation.Split[] {val} : new Evaluation.Split[] {val, split}) {
            System.out.println(s == val ? "--- validation" : "--- test");
            if (mode.contains("knn")) {
                for (var sim : ItemKnn.Similarity.values()) {
                    for (int k : new int[] {50, 100, 200, 2000}) {
                        System.out.println(Evaluation.evaluate(ItemKnn.recommender(ItemKnn.Config.of(sim, k)), s).line());
                    }
                }
                for (int k : new int[] {20, 50, 100, 200}) {
                    for (double e : new double[] {1, 2}) {
                        System.out.println(Evaluation.evaluate(UserKnn.recommender(new UserKnn.Config(k, e)), s).line());
                    }
                }
            }
            if (mode.contains("bpr")) {
                for (String cfg : System.getProperty("bpr", "200,100,0.01,0.001").split(";")) {
                    String[] f = cfg.split(",");
                    var c = new Bpr.Config(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), 42);
                    System.out.println(Evaluation.evaluate(Bpr.recommender(c), s).line());
                }
            }
        }
    }
}
