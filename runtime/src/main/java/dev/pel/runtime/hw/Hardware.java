package dev.pel.runtime.hw;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What this machine offers, as far as the JVM and the OS tell: cores, caches, memory. SIMD lane
 * counts are reported by the {@code cpu-simd} backend itself (they need the Vector API module,
 * which this class must not require).
 *
 * @param cores          processors available to the JVM
 * @param cpuModel       the CPU's model name where the OS reports it, else the architecture
 * @param arch           {@code os.arch}
 * @param caches         data and unified caches of one core, smallest level first (empty where unknown)
 * @param physicalMemory total physical memory in bytes (-1 where unknown)
 * @param maxHeap        the JVM's maximum heap in bytes
 */
public record Hardware(int cores, String cpuModel, String arch, List<Cache> caches, long physicalMemory, long maxHeap) {

    /** One cache level as the OS reports it. */
    public record Cache(int level, String type, long bytes) {
        @Override
        public String toString() {
            return "L" + level + (type.equals("Unified") ? "" : type.substring(0, 1).toLowerCase(Locale.ROOT)) + " " + human(bytes);
        }
    }

    public Hardware {
        caches = List.copyOf(caches);
    }

    /** Reads the machine once; cheap enough to call at runtime start. */
    public static Hardware detect() {
        return new Hardware(Runtime.getRuntime().availableProcessors(), readCpuModel(), System.getProperty("os.arch"),
                readCaches(Path.of("/sys/devices/system/cpu/cpu0/cache")), readPhysicalMemory(), Runtime.getRuntime().maxMemory());
    }

    /** Bytes of the given cache level, or -1 where the OS did not report it. */
    public long cacheBytes(int level) {
        return caches.stream().filter(c -> c.level() == level && !c.type().equals("Instruction"))
                .mapToLong(Cache::bytes).findFirst().orElse(-1);
    }

    public String summary() {
        List<String> parts = new ArrayList<>();
        parts.add(cores + " cores");
        parts.add(cpuModel);
        caches.stream().filter(c -> !c.type().equals("Instruction")).map(Cache::toString).forEach(parts::add);
        if (physicalMemory > 0) {
            parts.add(human(physicalMemory) + " RAM");
        }
        parts.add(human(maxHeap) + " max heap");
        return String.join(", ", parts);
    }

    static List<Cache> readCaches(Path root) {
        List<Cache> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(p -> p.getFileName().toString().startsWith("index")).sorted().toList()) {
                try {
                    int level = Integer.parseInt(read(dir.resolve("level")));
                    String type = read(dir.resolve("type"));
                    long bytes = parseSize(read(dir.resolve("size")));
                    out.add(new Cache(level, type, bytes));
                } catch (IOException | RuntimeException e) {
                    // An unreadable or odd entry is skipped: cache sizes are hints, never required.
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort((a, b) -> Integer.compare(a.level(), b.level()));
        return out;
    }

    static long parseSize(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("K")) {
            mult = 1L << 10;
        } else if (t.endsWith("M")) {
            mult = 1L << 20;
        } else if (t.endsWith("G")) {
            mult = 1L << 30;
        }
        String digits = mult == 1 ? t : t.substring(0, t.length() - 1);
        return Long.parseLong(digits.trim()) * mult;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p).trim();
    }

    private static String readCpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                var model = lines.filter(l -> l.startsWith("model name")).findFirst();
                if (model.isPresent()) {
                    String line = model.get();
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            } catch (IOException | RuntimeException e) {
                // fall through to the architecture name
            }
        }
        return System.getProperty("os.arch");
    }

    private static long readPhysicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1L << 10) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " B";
    }
}
