package dev.pel.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.kernels.Blas;
import dev.pel.kernels.testing.Data;
import dev.pel.runtime.PelConfig;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;
import dev.pel.runtime.memory.NativeArray;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.opencl.OpenClBuffer;
import dev.pel.runtime.opencl.OpenClTestDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Device buffers are released: by their owners' close, by the end of a call for temporaries, and
 * by the cleaners for arrays dropped unclosed. Runs on a private runtime so that no other test's
 * buffers (or their cleaners) move the counters.
 */
class LeakTest {
    /**
     * Sizes come from short lists: PoCL compiles a work-group function per local size it picks for a
     * launch (a divisor of the global size), so every new size costs a compile until its disk cache
     * is warm.
     */
    private static final int[] RESIDENT_SIZES = {1, 17, 64, 100, 256, 500};
    private static final int[] HEAP_SIZES = {1, 17, 64, 100, 1000, 3000};

    private static PelRuntime runtime;
    private static OpenClBackend cl;
    private static Blas blas;

    @BeforeAll
    static void open() {
        runtime = PelRuntime.create(PelConfig.fromEnvironment().toBuilder().backend("auto").build());
        cl = OpenClTestDevice.of(runtime);
        blas = Blas.on(runtime.withBackend(cl.name()));
    }

    @AfterAll
    static void close() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private static long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    @Test
    void hundredThousandBuffersAllocatedAndClosed() throws IOException {
        long buffers = cl.liveBuffers();
        long bytes = cl.liveBytes();
        for (int i = 0; i < 2_000; i++) { // warm-up: JIT, driver pools
            cl.allocate(64).close();
        }
        long rss0 = rssKiB();
        for (int i = 0; i < 100_000; i++) {
            OpenClBuffer b = cl.allocate(64);
            if (i % 10_000 == 0) {
                assertEquals(buffers + 1, cl.liveBuffers(), "after allocation " + i);
                assertEquals(bytes + 64, cl.liveBytes(), "after allocation " + i);
            }
            b.close();
            if (i % 10_000 == 0) {
                b.close(); // idempotent: a second close releases nothing more
                assertEquals(buffers, cl.liveBuffers(), "after close " + i);
            }
        }
        long growthMiB = (rssKiB() - rss0) >> 10;
        assertEquals(buffers, cl.liveBuffers());
        assertEquals(bytes, cl.liveBytes());
        assertTrue(growthMiB < 200, "RSS grew by " + growthMiB + " MiB over 100 000 allocate/close of 64-byte buffers");
    }

    @Test
    void residentArraysReleaseTheirBuffersWhenClosed() {
        long buffers = cl.liveBuffers();
        long bytes = cl.liveBytes();
        SplittableRandom r = Data.random(Data.seed("LeakTest.resident"));
        for (int i = 0; i < 1_000; i++) {
            int n = RESIDENT_SIZES[r.nextInt(RESIDENT_SIZES.length)];
            NativeArray a;
            if (i % 2 == 0) {
                FloatArray f = FloatArray.allocate(n);
                f.fill(1.5f);
                blas.scal(2f, f);
                a = f;
            } else {
                DoubleArray d = DoubleArray.allocate(n);
                d.fill(1.5);
                blas.scal(2.0, d);
                a = d;
            }
            assertEquals(NativeArray.Where.DEVICE, a.where(), "array " + i + " was made resident by scal");
            assertEquals(buffers + 1, cl.liveBuffers(), "array " + i + ": one buffer while resident");
            a.close();
            assertEquals(buffers, cl.liveBuffers(), "array " + i + ": released on close");
        }
        assertEquals(bytes, cl.liveBytes());
    }

    @Test
    void heapOperandsUseTemporariesThatAreReleasedByTheCall() {
        long buffers = cl.liveBuffers();
        SplittableRandom r = Data.random(Data.seed("LeakTest.heap"));
        for (int i = 0; i < 300; i++) {
            int n = HEAP_SIZES[r.nextInt(HEAP_SIZES.length)];
            float[] x = new float[n];
            float[] y = new float[n];
            x[n - 1] = 2f;
            y[n - 1] = 3f;
            blas.axpy(1f, x, y);
            assertEquals(5f, y[n - 1]);
            assertEquals(10f, blas.dot(x, y));
            assertEquals(buffers, cl.liveBuffers(), "call " + i + " (n=" + n + ") left buffers behind");
        }
    }

    /** The cleaners are the safety net: resident arrays dropped without close are released after GC. */
    @Test
    void droppedResidentArraysAreReleasedByTheCleaner() throws InterruptedException {
        long buffers = cl.liveBuffers();
        makeResidentAndDrop(200);
        assertTrue(cl.liveBuffers() >= buffers, "counters never go below the start");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (cl.liveBuffers() > buffers && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(buffers, cl.liveBuffers(), "buffers of dropped arrays still live after 20 s of GC");
    }

    private static void makeResidentAndDrop(int count) {
        for (int i = 0; i < count; i++) {
            FloatArray f = FloatArray.allocate(100);
            blas.scal(3f, f);
        }
    }
}
