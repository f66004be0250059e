package org.scholarly.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on, read from /proc and the JVM's system properties. */
public record Machine(int cores, String cpu, long memoryMb, String jdk, String os) {

    public static Machine describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        long memoryKb = parseKb(firstValue(Path.of("/proc/meminfo"), "MemTotal"));
        String release = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").replace("\"", "");
        String os = (release.isEmpty() ? System.getProperty("os.name") : release) + ", kernel " + System.getProperty("os.version")
                + " (" + System.getProperty("os.arch") + ")";
        String jdk = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version");
        return new Machine(Runtime.getRuntime().availableProcessors(), cpu.isEmpty() ? "unknown" : cpu, memoryKb / 1024, jdk, os);
    }

    /** The 1, 5 and 15 minute load averages: other work on a shared machine shows here. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    int separator = line.indexOf(line.contains("=") && !line.contains(":") ? '=' : ':');
                    return line.substring(separator + 1).trim();
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    private static long parseKb(String value) {
        String digits = value.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
