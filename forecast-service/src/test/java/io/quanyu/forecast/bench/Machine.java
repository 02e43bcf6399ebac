package io.quanyu.forecast.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** One line describing the machine a bench ran on: Java, cores and CPU model. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (Exception e) {
            // not Linux: the CPU model stays unknown
        }
        return "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                + Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB";
    }
}
