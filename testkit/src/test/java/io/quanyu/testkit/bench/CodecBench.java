package io.quanyu.testkit.bench;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.SampleEvents;
import java.time.Instant;

/**
 * {@code ./quanyu bench codec}: events per second through encode, and through decode + validate, over a mix
 * of every event type; 5 measured rounds after 2 warm-up rounds, median and min–max reported.
 */
public final class CodecBench {

    private CodecBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        EventType[] types = EventType.values();
        CloudEvent[] events = new CloudEvent[n];
        for (int i = 0; i < n; i++) {
            events[i] = SampleEvents.event(types[i % types.length], "m" + i, "u:" + (i % 1000), Instant.ofEpochMilli(1_700_000_000_000L + i));
        }
        byte[][] encoded = new byte[n][];
        int rounds = 7;
        double[] enc = new double[rounds - 2];
        double[] dec = new double[rounds - 2];
        long bytes = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                encoded[i] = EventCodec.encode(events[i]);
            }
            long t1 = System.nanoTime();
            int ok = 0;
            for (int i = 0; i < n; i++) {
                if (EventCodec.decodeEvent(encoded[i]) instanceof Decoded.Ok<CloudEvent>) {
                    ok++;
                }
            }
            long t2 = System.nanoTime();
            if (ok != n) {
                throw new IllegalStateException(ok + " of " + n + " events decoded");
            }
            if (r >= 2) {
                enc[r - 2] = n / ((t1 - t0) / 1e9);
                dec[r - 2] = n / ((t2 - t1) / 1e9);
            }
            bytes = 0;
            for (byte[] e : encoded) {
                bytes += e.length;
            }
        }
        System.out.println("machine: " + Machine.describe());
        System.out.printf("codec bench: %d events per round (all %d types), mean size %d bytes, %d measured rounds%n",
                n, types.length, bytes / n, enc.length);
        System.out.printf("  encode:            median %,.0f events/s (min %,.0f, max %,.0f)%n", Stats.median(enc), Stats.quantile(enc, 0), Stats.quantile(enc, 1));
        System.out.printf("  decode + validate: median %,.0f events/s (min %,.0f, max %,.0f)%n", Stats.median(dec), Stats.quantile(dec, 0), Stats.quantile(dec, 1));
    }
}
