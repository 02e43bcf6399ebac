package io.quanyu.testkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Describes the machine a benchmark ran on, printed with every figure. */
public final class Machine {

    private Machine() {
    }

    public static String describe() {
        return String.format("%s, %d cores, %s RAM, %s, Java %s (%s)", cpuModel(),
                Runtime.getRuntime().availableProcessors(), memory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal")).map(l -> l.replaceAll("\\D", ""))
                    .map(kb -> String.format("%.0f GiB", Long.parseLong(kb) / 1024.0 / 1024.0)).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
