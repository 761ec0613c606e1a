package dev.pel.runtime.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cache sizes as Linux reports them under /sys, read from a fake tree. */
class HardwareTest {

    @ParameterizedTest
    @CsvSource({"32K,32768", "32k,32768", "' 48K\n',49152", "1M,1048576", "2G,2147483648", "512,512", "0K,0", "16 K,16384"})
    void parsesSizesWithUnits(String text, long bytes) {
        assertEquals(bytes, Hardware.parseSize(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "K", "abc", "1.5M", "-"})
    void rejectsWhatIsNotASize(String text) {
        assertThrows(NumberFormatException.class, () -> Hardware.parseSize(text));
    }

    private static void cache(Path root, String index, String level, String type, String size) throws IOException {
        Path d = Files.createDirectories(root.resolve(index));
        if (level != null) {
            Files.writeString(d.resolve("level"), level + "\n");
        }
        if (type != null) {
            Files.writeString(d.resolve("type"), type + "\n");
        }
        if (size != null) {
            Files.writeString(d.resolve("size"), size + "\n");
        }
    }

    @Test
    void readsCachesSortedByLevelSkippingOddEntries(@TempDir Path root) throws IOException {
        cache(root, "index3", "3", "Unified", "32768K");
        cache(root, "index0", "1", "Data", "48K");
        cache(root, "index1", "1", "Instruction", "32K");
        cache(root, "index2", "2", "Unified", "1M");
        cache(root, "index4", "4", "Unified", null); // no size: skipped
        cache(root, "index5", "x", "Data", "1K"); // bad level: skipped
        Files.createDirectories(root.resolve("power")); // not a cache
        List<Hardware.Cache> caches = Hardware.readCaches(root);
        assertEquals(List.of(new Hardware.Cache(1, "Data", 48 << 10), new Hardware.Cache(1, "Instruction", 32 << 10),
                new Hardware.Cache(2, "Unified", 1 << 20), new Hardware.Cache(3, "Unified", 32L << 20)), caches);

        Hardware hw = new Hardware(2, "test cpu", "amd64", caches, 8L << 30, 1L << 30);
        assertEquals(48 << 10, hw.cacheBytes(1), "L1 means the data cache, not the instruction cache");
        assertEquals(1 << 20, hw.cacheBytes(2));
        assertEquals(-1, hw.cacheBytes(4));
        assertEquals("L1d 48 KiB", caches.get(0).toString());
        assertEquals("L2 1 MiB", caches.get(2).toString());
        String summary = hw.summary();
        assertTrue(summary.startsWith("2 cores, test cpu, L1d 48 KiB, L2 1 MiB, L3 32 MiB, 8.0 GiB RAM, 1.0 GiB max heap"), summary);
        assertTrue(!summary.contains("L1i"), "instruction caches are left out of the summary: " + summary);
    }

    @Test
    void aMissingOrEmptyTreeMeansNoCaches(@TempDir Path root) {
        assertEquals(List.of(), Hardware.readCaches(root.resolve("absent")));
        assertEquals(List.of(), Hardware.readCaches(root));
    }

    @Test
    void humanSizes() {
        assertEquals("512 B", Hardware.human(512));
        assertEquals("32 KiB", Hardware.human(32 << 10));
        assertEquals("3 MiB", Hardware.human(3 << 20));
        assertEquals("1.5 GiB", Hardware.human(3L << 29));
    }

    @Test
    void detectsThisMachine() {
        Hardware hw = Hardware.detect();
        assertEquals(Runtime.getRuntime().availableProcessors(), hw.cores());
        assertEquals(System.getProperty("os.arch"), hw.arch());
        assertEquals(Runtime.getRuntime().maxMemory(), hw.maxHeap());
        assertTrue(!hw.cpuModel().isBlank());
        assertThrows(UnsupportedOperationException.class, () -> hw.caches().clear());
    }
}
