package dev.pel.runtime.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.runtime.PelConfig;
import dev.pel.runtime.PelRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jocl.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Program binaries are built once per (device, driver, options, source) and then loaded from the
 * disk cache by later runtimes; a damaged entry is discarded and rebuilt; a source that does not
 * compile reports the compiler's log. Every runtime here is private, over a fresh cache directory.
 */
class ProgramCacheTest {
    private static final byte[] MAGIC = "PEL-CL-BINARY-1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 32;

    /** Doubles each element, plus an offset so that differently-optioned builds are told apart. */
    private static final String SOURCE = """
            #ifndef OFFSET
            #define OFFSET 0.0f
            #endif
            __kernel void twice(__global float* a, int n) {
                int i = get_global_id(0);
                if (i < n) a[i] = 2.0f * a[i] + OFFSET;
            }
            """;

    @TempDir
    Path tmp;

    private PelRuntime runtime(Path cacheDir) {
        return PelRuntime.create(PelConfig.builder().cacheDir(cacheDir).threads(1).build());
    }

    private static List<Path> entries(Path cacheDir) throws IOException {
        Path dir = cacheDir.resolve("opencl");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static Path onlyEntry(Path cacheDir) throws IOException {
        List<Path> e = entries(cacheDir);
        assertEquals(1, e.size(), "cache entries under " + cacheDir.resolve("opencl") + ": " + e);
        assertTrue(e.get(0).getFileName().toString().matches("[0-9a-f]{64}\\.bin"), e.get(0).toString());
        return e.get(0);
    }

    /** The file is a well-formed entry: magic, SHA-256 of the binary, a non-empty binary. */
    private static void assertValidEntry(Path f) throws Exception {
        byte[] all = Files.readAllBytes(f);
        assertTrue(all.length > HEADER, f + ": " + all.length + " bytes");
        assertArrayEquals(MAGIC, Arrays.copyOf(all, MAGIC.length), "magic line of " + f);
        byte[] binary = Arrays.copyOfRange(all, HEADER, all.length);
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(binary), Arrays.copyOfRange(all, MAGIC.length, HEADER),
                "checksum of " + f);
    }

    /** Runs the kernel on a few values: a program that loads must also work. */
    private static void assertRuns(OpenClBackend cl, OpenClProgram p, float offset) {
        float[] data = new float[37];
        SplittableRandom r = new SplittableRandom(0x5EEDL);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (r.nextDouble() * 100 - 50);
        }
        float[] out = new float[data.length];
        try (OpenClBuffer b = cl.allocate((long) data.length * Float.BYTES)) {
            cl.write(b, 0, Pointer.to(data), b.bytes());
            cl.launch(p, "twice", data.length, 0, b, data.length);
            cl.finish();
            cl.read(b, 0, Pointer.to(out), b.bytes());
        }
        for (int i = 0; i < data.length; i++) {
            assertEquals(2.0f * data[i] + offset, out[i], "element " + i);
        }
    }

    @Test
    void firstRuntimeBuildsLaterRuntimesLoadFromDisk() throws Exception {
        Path entry;
        try (PelRuntime rt = runtime(tmp)) {
            OpenClBackend cl = OpenClTestDevice.of(rt);
            assertEquals(tmp.resolve("opencl"), cl.programCacheDir());
            assertEquals(0, cl.programBuilds());
            OpenClProgram p = cl.program(SOURCE, "");
            assertFalse(p.fromDiskCache());
            assertEquals(1, cl.programBuilds());
            assertEquals(0, cl.programCacheHits());
            entry = onlyEntry(tmp);
            assertValidEntry(entry);
            // Same source and options again: the in-memory instance, no build, no disk read.
            assertSame(p, cl.program(SOURCE, ""));
            assertEquals(1, cl.programBuilds());
            assertEquals(0, cl.programCacheHits());
            assertRuns(cl, p, 0f);
        }
        byte[] stored = Files.readAllBytes(entry);
        try (PelRuntime rt = runtime(tmp)) {
            OpenClBackend cl = OpenClTestDevice.of(rt);
            OpenClProgram p = cl.program(SOURCE, "");
            assertTrue(p.fromDiskCache());
            assertEquals(1, cl.programCacheHits());
            assertEquals(0, cl.programBuilds());
            assertRuns(cl, p, 0f);
        }
        assertArrayEquals(stored, Files.readAllBytes(entry), "a cache hit leaves the entry as it was");
        assertEquals(List.of(entry), entries(tmp));
    }

    @Test
    void optionsAndSourceArePartOfTheKey() throws Exception {
        try (PelRuntime rt = runtime(tmp)) {
            OpenClBackend cl = OpenClTestDevice.of(rt);
            OpenClProgram a = cl.program(SOURCE, "-DOFFSET=1.0f");
            OpenClProgram b = cl.program(SOURCE, "-DOFFSET=3.0f");
            OpenClProgram c = cl.program(SOURCE + "\n// another source\n", "-DOFFSET=1.0f");
            assertEquals(3, cl.programBuilds());
            assertEquals(3, entries(tmp).size(), entries(tmp).toString());
            assertRuns(cl, a, 1f);
            assertRuns(cl, b, 3f);
            assertRuns(cl, c, 1f);
        }
        try (PelRuntime rt = runtime(tmp)) {
            OpenClBackend cl = OpenClTestDevice.of(rt);
            // Each loads its own binary, not another options' one.
            assertRuns(cl, cl.program(SOURCE, "-DOFFSET=3.0f"), 3f);
            assertRuns(cl, cl.program(SOURCE, "-DOFFSET=1.0f"), 1f);
            assertEquals(2, cl.programCacheHits());
            assertEquals(0, cl.programBuilds());
        }
    }

    /** Ways a cache entry can be damaged (a crash mid-write of a non-atomic writer, disk faults, a foreign file). */
    enum Damage {
        EMPTY, TRUNCATED_IN_HEADER, TRUNCATED_IN_BINARY, BAD_MAGIC, FLIPPED_CHECKSUM_BYTE, FLIPPED_BINARY_BYTE,
        /** A well-formed entry whose binary the driver must reject: the checksum matches, the content is garbage. */
        GARBAGE_BINARY_WITH_VALID_CHECKSUM
    }

    private static byte[] damage(byte[] valid, Damage d) throws Exception {
        return switch (d) {
            case EMPTY -> new byte[0];
            case TRUNCATED_IN_HEADER -> Arrays.copyOf(valid, MAGIC.length + 5);
            case TRUNCATED_IN_BINARY -> Arrays.copyOf(valid, HEADER + (valid.length - HEADER) / 2);
            case BAD_MAGIC -> {
                byte[] b = valid.clone();
                b[3] ^= 0x20;
                yield b;
            }
            case FLIPPED_CHECKSUM_BYTE -> {
                byte[] b = valid.clone();
                b[MAGIC.length + 7] ^= 0x01;
                yield b;
            }
            case FLIPPED_BINARY_BYTE -> {
                byte[] b = valid.clone();
                b[HEADER + (b.length - HEADER) / 3] ^= 0x40;
                yield b;
            }
            case GARBAGE_BINARY_WITH_VALID_CHECKSUM -> {
                byte[] garbage = new byte[4096];
                new SplittableRandom(42).nextBytes(garbage);
                byte[] b = new byte[HEADER + garbage.length];
                System.arraycopy(MAGIC, 0, b, 0, MAGIC.length);
                System.arraycopy(MessageDigest.getInstance("SHA-256").digest(garbage), 0, b, MAGIC.length, 32);
                System.arraycopy(garbage, 0, b, HEADER, garbage.length);
                yield b;
            }
        };
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void damagedEntryIsRebuiltAndRewritten(Damage d) throws Exception {
        try (PelRuntime rt = runtime(tmp)) {
            OpenClTestDevice.of(rt).program(SOURCE, "");
        }
        Path entry = onlyEntry(tmp);
        byte[] valid = Files.readAllBytes(entry);
        byte[] bad = damage(valid, d);
        assertFalse(Arrays.equals(valid, bad));
        Files.write(entry, bad);

        try (PelRuntime rt = runtime(tmp)) {
            OpenClBackend cl = OpenClTestDevice.of(rt);
            OpenClProgram p = cl.program(SOURCE, "");
            assertFalse(p.fromDiskCache(), d + ": a damaged entry must not be used");
            assertEquals(1, cl.programBuilds(), d + ": rebuilt from source");
            assertEquals(0, cl.programCacheHits(), d.name());
            assertRuns(cl, p, 0f);
        }
        Path rewritten = onlyEntry(tmp);
        assertEquals(entry, rewritten);
        assertValidEntry(rewritten);
        assertFalse(Arrays.equals(bad, Files.readAllBytes(rewritten)), d + ": the damaged bytes are gone");

        try (PelRuntime rt = runtime(tmp)) {
            OpenClBackend cl = OpenClTestDevice.of(rt);
            OpenClProgram p = cl.program(SOURCE, "");
            assertTrue(p.fromDiskCache(), d + ": the rewritten entry loads");
            assertEquals(0, cl.programBuilds());
            assertRuns(cl, p, 0f);
        }
    }

    @Test
    void sourceThatDoesNotCompileReportsTheCompilersLog() throws Exception {
        String broken = """
                __kernel void broken(__global float* a) {
                    a[get_global_id(0)] = pel_no_such_identifier * 2.0f;
                }
                """;
        try (PelRuntime rt = runtime(tmp)) {
            OpenClBackend cl = OpenClTestDevice.of(rt);
            var e = assertThrows(OpenClException.BuildFailed.class, () -> cl.program(broken, "-DSOMETHING=1"));
            assertEquals("clBuildProgram", e.call());
            assertEquals(org.jocl.CL.CL_BUILD_PROGRAM_FAILURE, e.status());
            String log = e.log();
            assertTrue(log.contains("pel_no_such_identifier"), "build log: " + log);
            assertTrue(log.toLowerCase(java.util.Locale.ROOT).contains("error"), "build log: " + log);
            String m = e.getMessage();
            assertTrue(m.contains("CL_BUILD_PROGRAM_FAILURE"), m);
            assertTrue(m.contains("pel_no_such_identifier"), m);
            assertTrue(m.contains("-DSOMETHING=1"), "the message names the options: " + m);
            assertTrue(m.contains(cl.info().name()), "the message names the device: " + m);
            assertEquals(0, cl.programBuilds());
            assertEquals(List.of(), entries(tmp).stream().filter(f -> f.toString().endsWith(".bin")).toList(),
                    "nothing cached for a failed build");
            // The failure is not remembered as a program: asking again compiles (and fails) again.
            assertThrows(OpenClException.BuildFailed.class, () -> cl.program(broken, "-DSOMETHING=1"));
            // The backend still works afterwards.
            assertRuns(cl, cl.program(SOURCE, ""), 0f);
        }
    }

    /** Source lengths are bytes to OpenCL: a comment with non-ASCII characters must not cut the end off the source. */
    @Test
    void sourceWithNonAsciiCommentsBuilds() {
        String source = "// Gr\u00f6\u00dfe \u2014 na\u00efve r\u00e9sum\u00e9 \u2713 (UTF-8 in a comment)\n" + SOURCE;
        try (PelRuntime rt = runtime(tmp)) {
            OpenClBackend cl = OpenClTestDevice.of(rt);
            assertRuns(cl, cl.program(source, ""), 0f);
        }
    }

    @Test
    void unwritableCacheDirectoryCostsOnlyTheCache() throws Exception {
        Path notADir = tmp.resolve("plain-file");
        Files.writeString(notADir, "not a directory");
        try (PelRuntime rt = runtime(notADir)) {
            OpenClBackend cl = OpenClTestDevice.of(rt);
            OpenClProgram p = cl.program(SOURCE, "");
            assertEquals(1, cl.programBuilds());
            assertRuns(cl, p, 0f);
        }
        assertEquals("not a directory", Files.readString(notADir));
    }
}
