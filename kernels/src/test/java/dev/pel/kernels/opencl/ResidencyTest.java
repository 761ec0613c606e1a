package dev.pel.kernels.opencl;

import static dev.pel.runtime.memory.NativeArray.Where.BOTH;
import static dev.pel.runtime.memory.NativeArray.Where.DEVICE;
import static dev.pel.runtime.memory.NativeArray.Where.HOST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.kernels.Blas;
import dev.pel.kernels.ElementWise;
import dev.pel.kernels.Reductions;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.cpu.ScalarBackend;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.opencl.OpenClTestDevice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The residency protocol of off-heap arrays used on an OpenCL device: a device write leaves the
 * host copy stale (DEVICE), reads keep both copies valid (BOTH), a chain of device calls never
 * goes through the host, host access brings data back, a host write makes the device copy stale
 * (HOST), and the next device call uploads it. Values are small integers, so every expected result
 * is exact whether or not a kernel fuses a multiply-add.
 */
class ResidencyTest {
    private static final int N = 500;

    private static OpenClBackend cl;
    private static Blas blasCl;
    private static ElementWise ewCl;
    private static Reductions redCl;
    private static Blas blasCpu;
    private static ElementWise ewCpu;
    private static String cpuName;

    @BeforeAll
    static void bind() {
        cl = OpenClTestDevice.get();
        PelRuntime rt = PelRuntime.defaultRuntime();
        PelRuntime onCl = rt.withBackend(cl.name());
        blasCl = Blas.on(onCl);
        ewCl = ElementWise.on(onCl);
        redCl = Reductions.on(onCl);
        cpuName = rt.backends().containsKey(SimdBackend.NAME) ? SimdBackend.NAME : ScalarBackend.NAME;
        PelRuntime onCpu = rt.withBackend(cpuName);
        blasCpu = Blas.on(onCpu);
        ewCpu = ElementWise.on(onCpu);
    }

    /** x[i] in [-25, 25), integers. */
    private static float[] xs(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 50 - 25;
        }
        return x;
    }

    /** y[i] in [0, 7), integers. */
    private static float[] ys(int n) {
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 7;
        }
        return y;
    }

    private static double[] wide(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static void assertRanOn(String backend) {
        CallRecord last = PelRuntime.lastCall();
        assertEquals(backend, last.backend(), "the call ran on " + last.backend() + ": " + last);
    }

    @Test
    void deviceWriteLeavesTheOutputOnTheDeviceAndReadingBringsItBack() {
        float[] x = xs(N);
        float[] y = ys(N);
        try (FloatArray vx = FloatArray.of(x); FloatArray vy = FloatArray.of(y)) {
            assertEquals(HOST, vx.where());
            assertEquals(HOST, vy.where());
            blasCl.axpy(3f, vx, vy);
            assertRanOn(cl.name());
            assertEquals(DEVICE, vy.where(), "written on the device: the host copy is stale");
            assertEquals(BOTH, vx.where(), "only read on the device: both copies valid");
            float[] got = vy.toArray();
            assertEquals(BOTH, vy.where(), "read back: both valid");
            for (int i = 0; i < N; i++) {
                assertEquals(3f * x[i] + y[i], got[i], "y[" + i + "]");
            }
            assertEquals(3f * x[7] + y[7], vy.get(7));
            assertEquals(BOTH, vy.where());
            vy.set(0, 100f);
            assertEquals(HOST, vy.where(), "a host write makes the device copy stale");
            assertEquals(BOTH, vx.where());
        }
    }

    @Test
    void deviceWriteLeavesTheOutputOnTheDeviceF64() {
        double[] x = wide(xs(N));
        double[] y = wide(ys(N));
        try (DoubleArray vx = DoubleArray.of(x); DoubleArray vy = DoubleArray.of(y)) {
            blasCl.axpy(-2.0, vx, vy);
            assertRanOn(cl.name());
            assertEquals(DEVICE, vy.where());
            assertEquals(BOTH, vx.where());
            assertEquals(-2.0 * x[N - 1] + y[N - 1], vy.get(N - 1));
            assertEquals(BOTH, vy.where());
            double[] got = vy.toArray();
            for (int i = 0; i < N; i++) {
                assertEquals(-2.0 * x[i] + y[i], got[i], "y[" + i + "]");
            }
            // Host access through segment() counts as a write.
            vy.segment();
            assertEquals(HOST, vy.where());
        }
    }

    @Test
    void aChainOfDeviceCallsStaysOnTheDevice() {
        float[] x = xs(N);
        float[] y = ys(N);
        try (FloatArray vx = FloatArray.of(x); FloatArray vy = FloatArray.of(y); FloatArray vz = FloatArray.allocate(N)) {
            blasCl.axpy(2f, vx, vy); // y = 2x + y
            assertEquals(DEVICE, vy.where());
            blasCl.scal(4f, vy); // y = 4(2x + y)
            assertEquals(DEVICE, vy.where(), "no host round trip between device calls");
            ewCl.add(vy, vx, vz); // z = y + x
            assertRanOn(cl.name());
            assertEquals(DEVICE, vy.where());
            assertEquals(DEVICE, vz.where());
            assertEquals(BOTH, vx.where());
            float expectedSum = 0;
            float expectedMax = Float.NEGATIVE_INFINITY;
            float[] expectedZ = new float[N];
            for (int i = 0; i < N; i++) {
                expectedZ[i] = 4f * (2f * x[i] + y[i]) + x[i];
                expectedSum += expectedZ[i];
                expectedMax = Math.max(expectedMax, expectedZ[i]);
            }
            assertEquals(expectedSum, redCl.sum(vz), "a device reduction reads the device copy");
            assertEquals(expectedMax, redCl.max(vz));
            assertRanOn(cl.name());
            assertEquals(DEVICE, vz.where(), "a device read leaves the host copy stale");
            assertArrayEquals(expectedZ, vz.toArray());
            assertEquals(BOTH, vz.where());
            float[] gotY = vy.toArray();
            for (int i = 0; i < N; i++) {
                assertEquals(4f * (2f * x[i] + y[i]), gotY[i], "y[" + i + "]");
            }
        }
    }

    @Test
    void hostCallsSeeDeviceResultsAndDeviceCallsSeeHostWrites() {
        float[] x = xs(N);
        float[] y = ys(N);
        try (FloatArray vx = FloatArray.of(x); FloatArray vy = FloatArray.of(y); FloatArray vz = FloatArray.allocate(N)) {
            blasCl.axpy(3f, vx, vy); // y1 = 3x + y
            assertEquals(DEVICE, vy.where());

            blasCpu.scal(2f, vy); // y2 = 2 y1, on the host: must see the device's y1
            assertRanOn(cpuName);
            assertEquals(HOST, vy.where(), "a host write makes the device copy stale");
            float[] y2 = new float[N];
            for (int i = 0; i < N; i++) {
                y2[i] = 2f * (3f * x[i] + y[i]);
            }
            assertArrayEquals(y2, vy.toArray(), "the host call saw the device's results");
            assertEquals(HOST, vy.where());

            blasCl.axpy(1f, vx, vy); // y3 = y2 + x, on the device: must see the host's y2
            assertRanOn(cl.name());
            assertEquals(DEVICE, vy.where());
            float[] y3 = new float[N];
            float dot = 0;
            for (int i = 0; i < N; i++) {
                y3[i] = y2[i] + x[i];
                dot += x[i] * y3[i];
            }

            // A host read brings the data back and leaves both copies valid.
            assertEquals(dot, blasCpu.dot(vx, vy), "the host dot saw the device's y3");
            assertEquals(BOTH, vy.where());

            // A host element-wise call writing z from device-resident inputs.
            blasCl.scal(1f, vy);
            assertEquals(DEVICE, vy.where());
            ewCpu.sub(vy, vx, vz); // z = y3 - x = y2
            assertRanOn(cpuName);
            assertEquals(BOTH, vy.where());
            assertEquals(HOST, vz.where());
            assertArrayEquals(y2, vz.toArray());

            // Element writes on the host are seen by the next device call.
            vz.set(0, 1000f);
            vz.set(N - 1, -1000f);
            assertEquals(1000f + y2[1], redCl.sum(vz.view(0, 2)));
            assertEquals(y2[N - 2] - 1000f, redCl.sum(vz.view(N - 2, 2)));
            assertEquals(BOTH, vz.where());
        }
    }

    @Test
    void viewsWithOffsetsWorkOnTheDevice() {
        int len = 300;
        float[] a = new float[len];
        for (int i = 0; i < len; i++) {
            a[i] = i % 41 - 20;
        }
        float[] b = ys(100);
        try (FloatArray owner = FloatArray.of(a); FloatArray other = FloatArray.of(b)) {
            FloatArray xv = owner.view(10, 100);
            FloatArray yv = owner.view(150, 100);
            blasCl.axpy(2f, xv, yv); // two views of one owner: one device copy
            assertRanOn(cl.name());
            assertEquals(DEVICE, owner.where(), "a view's residency is its owner's");
            assertEquals(DEVICE, xv.where());
            float[] expected = a.clone();
            for (int i = 0; i < 100; i++) {
                expected[150 + i] = 2f * a[10 + i] + a[150 + i];
            }
            assertArrayEquals(expected, owner.toArray(), "only the output view changed");
            assertEquals(BOTH, owner.where());

            // An unaligned view (offset 37) as input, a whole array as output.
            blasCl.axpy(-1f, owner.view(37, 100), other);
            float[] expectedOther = new float[100];
            for (int i = 0; i < 100; i++) {
                expectedOther[i] = b[i] - expected[37 + i];
            }
            assertEquals(DEVICE, other.where());
            assertArrayEquals(expectedOther, other.toArray());

            // A view as element-wise output, views as inputs.
            ewCl.mul(owner.view(1, 50), owner.view(60, 50), owner.view(250, 50));
            for (int i = 0; i < 50; i++) {
                expected[250 + i] = expected[1 + i] * expected[60 + i];
            }
            assertEquals(DEVICE, owner.where());
            float sum = 0;
            for (int i = 3; i < 203; i++) {
                sum += expected[i];
            }
            assertEquals(sum, redCl.sum(owner.view(3, 200)), "a reduction over a view");
            assertArrayEquals(expected, owner.toArray());

            // A host write through a view is seen by the device through another view.
            owner.view(5, 10).set(0, 42f);
            assertEquals(HOST, owner.where());
            expected[5] = 42f;
            float dot = 0;
            for (int i = 0; i < 100; i++) {
                dot += expected[i] * b[i];
            }
            try (FloatArray bb = FloatArray.of(b)) {
                assertEquals(dot, blasCl.dot(owner.view(0, 100), bb));
            }
            assertEquals(BOTH, owner.where());
        }
    }

    @Test
    void viewsWithOffsetsWorkOnTheDeviceF64() {
        try (DoubleArray owner = DoubleArray.of(wide(xs(200)))) {
            double[] a = owner.toArray();
            DoubleArray v = owner.view(33, 100);
            blasCl.scal(3.0, v);
            assertEquals(DEVICE, owner.where());
            double[] got = owner.toArray();
            for (int i = 0; i < 200; i++) {
                assertEquals(i >= 33 && i < 133 ? 3.0 * a[i] : a[i], got[i], "element " + i);
            }
            double sum = 0;
            for (int i = 33; i < 133; i++) {
                sum += got[i];
            }
            assertEquals(sum, Reductions.on(PelRuntime.defaultRuntime().withBackend(cl.name())).sum(v));
        }
    }

    @Test
    void closingTheRuntimeBringsResidentArraysHome() {
        float[] x = xs(N);
        float[] y = ys(N);
        try (FloatArray vx = FloatArray.of(x); FloatArray vy = FloatArray.of(y)) {
            try (PelRuntime rt = PelRuntime.create(dev.pel.runtime.PelConfig.fromEnvironment().toBuilder().backend("auto").build())) {
                OpenClBackend own = OpenClTestDevice.of(rt);
                Blas.on(rt.withBackend(own.name())).axpy(5f, vx, vy);
                assertEquals(DEVICE, vy.where());
                assertEquals(2, own.liveBuffers());
                rt.close();
                assertEquals(0, own.liveBuffers());
            }
            assertEquals(HOST, vy.where());
            assertEquals(HOST, vx.where());
            for (int i = 0; i < N; i++) {
                assertEquals(5f * x[i] + y[i], vy.get(i), "y[" + i + "]");
            }
            blasCl.axpy(1f, vx, vy); // and on to the default runtime's device
            assertEquals(6f * x[3] + y[3], vy.get(3));
        }
    }

    @Test
    void closingAResidentArrayReleasesItsBuffer() {
        FloatArray a = FloatArray.of(xs(1000));
        FloatArray view = a.view(10, 20);
        blasCl.scal(2f, a);
        assertEquals(DEVICE, a.where());
        long buffers = cl.liveBuffers();
        long bytes = cl.liveBytes();
        a.close();
        assertTrue(cl.liveBuffers() < buffers, "closing a resident array releases its device buffer: " + cl.liveBuffers()
                + " live, " + buffers + " before");
        assertTrue(cl.liveBytes() <= bytes - 1000L * Float.BYTES, cl.liveBytes() + " live bytes, " + bytes + " before");
        assertTrue(a.isClosed());
        assertTrue(view.isClosed(), "a view closes with its owner");
        a.close(); // idempotent
        view.close();
        assertThrows(IllegalStateException.class, () -> blasCl.scal(2f, a));
        assertThrows(IllegalStateException.class, () -> blasCl.scal(2f, view));
    }
}
