package dev.pel.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.kernels.Blas;
import dev.pel.kernels.testing.Data;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelConfig;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.opencl.OpenClTestDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many host threads calling one OpenCL device at once (shared queue, pooled kernel objects,
 * per-call temporaries) get exactly the results the same calls give one at a time: bitwise, since
 * the device and the blocking are the same.
 */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int CALLS = 1_000;
    /** A short list: PoCL compiles a work-group function per local size, and the local size follows n. */
    private static final int[] SIZES = {1, 2, 31, 64, 100, 255, 1000, 1024, 2049, 5000};

    /** One call: dot or axpy on heap float arrays, whole or in the full form (offsets, strides). */
    private record Call(boolean dot, int n, float a, float[] x, int offx, int incx, float[] y, int offy, int incy) {
        static Call make(SplittableRandom r) {
            boolean dot = r.nextBoolean();
            int n = SIZES[r.nextInt(SIZES.length)];
            float a = (float) Data.scalar(DType.F32, r);
            boolean full = r.nextInt(4) == 0;
            int incx = full ? (r.nextBoolean() ? 2 : -1) : 1;
            int incy = full ? (r.nextBoolean() ? 1 : -3) : 1;
            int offx = full ? r.nextInt(4) : 0;
            int offy = full ? r.nextInt(4) : 0;
            float[] x = floats(r, offx + (n - 1) * Math.abs(incx) + 1 + (full ? r.nextInt(3) : 0));
            float[] y = floats(r, offy + (n - 1) * Math.abs(incy) + 1 + (full ? r.nextInt(3) : 0));
            return new Call(dot, n, a, x, offx, incx, y, offy, incy);
        }

        private static float[] floats(SplittableRandom r, int len) {
            double[] d = Data.mixed(DType.F32, r, len, 8);
            float[] f = new float[len];
            for (int i = 0; i < len; i++) {
                f[i] = (float) d[i];
            }
            return f;
        }

        /** Runs the call; the result is the dot product, or y after axpy. */
        Object run(Blas blas) {
            if (dot) {
                return blas.dot(n, x, offx, incx, y, offy, incy);
            }
            float[] out = y.clone();
            blas.axpy(n, a, x, offx, incx, out, offy, incy);
            return out;
        }

        boolean same(Object expected, Object got) {
            if (dot) {
                return Float.floatToRawIntBits((Float) expected) == Float.floatToRawIntBits((Float) got);
            }
            float[] e = (float[]) expected;
            float[] g = (float[]) got;
            for (int i = 0; i < e.length; i++) {
                if (Float.floatToRawIntBits(e[i]) != Float.floatToRawIntBits(g[i])) {
                    return false;
                }
            }
            return e.length == g.length;
        }

        String describe() {
            return (dot ? "dot" : "axpy") + " n=" + n + " offx=" + offx + " incx=" + incx + " offy=" + offy + " incy=" + incy;
        }
    }

    private static long seed(int thread) {
        return Data.seed("ConcurrencyTest", thread);
    }

    @Test
    void concurrentCallsGiveTheSequentialResultsBitwise() throws Exception {
        try (PelRuntime rt = PelRuntime.create(PelConfig.fromEnvironment().toBuilder().backend("auto").build())) {
            OpenClBackend cl = OpenClTestDevice.of(rt);
            Blas blas = Blas.on(rt.withBackend(cl.name()));
            // Sequential results first, on the same backend.
            List<List<Object>> expected = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                SplittableRandom r = Data.random(seed(t));
                List<Object> results = new ArrayList<>(CALLS);
                for (int i = 0; i < CALLS; i++) {
                    results.add(Call.make(r).run(blas));
                }
                expected.add(results);
            }
            long buffers = cl.liveBuffers();

            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<String>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        SplittableRandom r = Data.random(seed(thread));
                        start.await();
                        int mismatches = 0;
                        String first = null;
                        for (int i = 0; i < CALLS; i++) {
                            Call c = Call.make(r);
                            Object got = c.run(blas);
                            if (!c.same(expected.get(thread).get(i), got)) {
                                mismatches++;
                                if (first == null) {
                                    first = "call " + i + " (" + c.describe() + ")";
                                }
                            }
                        }
                        return mismatches == 0 ? null : "thread " + thread + ": " + mismatches + " of " + CALLS
                                + " results differ from the sequential ones, first at " + first + "; " + Data.describe(seed(thread));
                    }));
                }
                start.countDown();
                List<String> failures = new ArrayList<>();
                for (Future<String> f : futures) {
                    String failure = f.get(5, TimeUnit.MINUTES); // a guard against a deadlock, not a timing assertion
                    if (failure != null) {
                        failures.add(failure);
                    }
                }
                assertTrue(failures.isEmpty(), String.join("\n", failures));
            } finally {
                pool.shutdownNow();
                assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
            }
            assertEquals(buffers, cl.liveBuffers(), "temporaries of concurrent calls were all released");
        }
    }
}
