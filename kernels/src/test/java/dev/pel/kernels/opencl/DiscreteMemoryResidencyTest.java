package dev.pel.kernels.opencl;

import static dev.pel.runtime.memory.NativeArray.Where.BOTH;
import static dev.pel.runtime.memory.NativeArray.Where.DEVICE;
import static dev.pel.runtime.memory.NativeArray.Where.HOST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.kernels.Blas;
import dev.pel.kernels.spi.VecF32;
import dev.pel.kernels.spi.VecF64;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.cpu.ScalarBackend;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.opencl.OpenClTestDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The residency protocol where the device does not share host memory, so every move is a real
 * copy (a device that shares memory, like a CPU one, hides a missing upload or download: the
 * buffer is the host memory). Runs the OpenCL kernel set on a second backend over this machine's
 * device that is described as discrete ({@link OpenClTestDevice#variant}), with its own counters.
 */
class DiscreteMemoryResidencyTest {
    private static final int N = 300;

    private static OpenClBackend real;
    private static OpenClBackend discrete;
    private static OpenClKernelSet set;
    private static Blas cpu;

    @BeforeAll
    static void open() {
        real = OpenClTestDevice.get();
        discrete = OpenClTestDevice.variant(real, "opencl-discrete-test", real.info().fp64(), false);
        set = new OpenClKernelSet(discrete);
        PelRuntime rt = PelRuntime.defaultRuntime();
        cpu = Blas.on(rt.withBackend(rt.backends().containsKey(SimdBackend.NAME) ? SimdBackend.NAME : ScalarBackend.NAME));
    }

    @AfterAll
    static void close() {
        if (discrete != null) {
            discrete.close();
        }
    }

    @AfterEach
    void noBuffersLeft() {
        assertEquals(0, discrete.liveBuffers(), "every array of the test is closed: no device buffer may remain");
        assertEquals(0, discrete.liveBytes());
    }

    private static float[] values(int n, int mod, int shift) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i % mod - shift;
        }
        return v;
    }

    private static VecF32 whole(FloatArray a) {
        return VecF32.offHeap(a, 0, 1);
    }

    @Test
    void buffersAreCopiesNotWraps() {
        try (FloatArray a = FloatArray.of(values(N, 9, 4))) {
            assertFalse(discrete.resident(a, false).hostShared());
            assertEquals(1, discrete.liveBuffers());
            assertEquals((long) N * Float.BYTES, discrete.liveBytes());
            assertEquals(BOTH, a.where());
        }
    }

    @Test
    void uploadsDownloadsAndStaleCopiesAreRealCopies() {
        float[] x = values(N, 50, 25);
        float[] y = values(N, 7, 0);
        try (FloatArray vx = FloatArray.of(x); FloatArray vy = FloatArray.of(y)) {
            set.axpy(N, 3f, whole(vx), whole(vy), 1);
            assertEquals(DEVICE, vy.where());
            assertEquals(BOTH, vx.where());
            assertEquals(2, discrete.liveBuffers());
            // The host memory still holds the old y: only a download brings the device's result.
            assertEquals(y[5], vy.segmentNoSync().getAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, 5),
                    "with separate memory the host copy is untouched by the device write");
            float[] y1 = new float[N];
            for (int i = 0; i < N; i++) {
                y1[i] = 3f * x[i] + y[i];
            }
            assertArrayEquals(y1, vy.toArray(), "downloaded");
            assertEquals(BOTH, vy.where());

            // Host write (a CPU backend call), then a device call: the device must see it (upload).
            cpu.scal(2f, vy);
            assertEquals(HOST, vy.where());
            set.axpy(N, 1f, whole(vx), whole(vy), 1);
            assertEquals(DEVICE, vy.where());
            float[] y3 = new float[N];
            for (int i = 0; i < N; i++) {
                y3[i] = 2f * y1[i] + x[i];
            }
            assertArrayEquals(y3, vy.toArray());

            // An element write on the host, then a device reduction.
            vy.set(10, 1000f);
            assertEquals(HOST, vy.where());
            y3[10] = 1000f;
            float sum = 0;
            for (float v : y3) {
                sum += v;
            }
            assertEquals(sum, set.sum(N, whole(vy), 1));
            assertEquals(BOTH, vy.where());
        }
    }

    @Test
    void aChainOfDeviceCallsNeverTouchesTheHostCopy() {
        float[] x = values(N, 50, 25);
        float[] y = values(N, 7, 0);
        try (FloatArray vx = FloatArray.of(x); FloatArray vy = FloatArray.of(y); FloatArray vz = FloatArray.allocate(N)) {
            set.axpy(N, 2f, whole(vx), whole(vy), 1);
            set.scal(N, 4f, whole(vy), 1);
            set.binary(dev.pel.kernels.spi.BinaryOp.ADD, N, whole(vy), whole(vx), whole(vz), 1);
            assertEquals(DEVICE, vy.where());
            assertEquals(DEVICE, vz.where());
            for (int i = 0; i < N; i++) {
                assertEquals(y[i], vy.segmentNoSync().getAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, i),
                        "the host copy of y was not written during the chain");
                assertEquals(0f, vz.segmentNoSync().getAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, i));
            }
            float[] z = vz.toArray();
            for (int i = 0; i < N; i++) {
                assertEquals(4f * (2f * x[i] + y[i]) + x[i], z[i], "z[" + i + "]");
            }
        }
    }

    @Test
    void viewsAddressTheirOwnersBufferAtTheirOffset() {
        float[] a = values(N, 41, 20);
        try (FloatArray owner = FloatArray.of(a)) {
            FloatArray xv = owner.view(13, 100);
            FloatArray yv = owner.view(150, 100);
            set.axpy(100, -2f, VecF32.offHeap(xv, 0, 1), VecF32.offHeap(yv, 0, 1), 1);
            assertEquals(1, discrete.liveBuffers(), "one buffer for the owner, shared by its views");
            assertEquals(DEVICE, owner.where());
            float[] expected = a.clone();
            for (int i = 0; i < 100; i++) {
                expected[150 + i] = -2f * a[13 + i] + a[150 + i];
            }
            assertArrayEquals(expected, owner.toArray());
            // Strided access through a view: every 3rd element backwards.
            float sum = 0;
            for (int i = 0; i < 20; i++) {
                sum += expected[7 + 3 * (19 - i)];
            }
            assertEquals(sum, set.sum(20, VecF32.offHeap(owner.view(7, 60), 57, -3), 1));
        }
    }

    @Test
    void anArrayMovesBetweenDevicesWithItsData() {
        float[] x = values(N, 11, 5);
        try (FloatArray vx = FloatArray.of(x)) {
            set.scal(N, 3f, whole(vx), 1); // on the discrete variant
            assertEquals(DEVICE, vx.where());
            assertEquals(1, discrete.liveBuffers());
            Blas onReal = Blas.on(PelRuntime.defaultRuntime().withBackend(real.name()));
            onReal.scal(2f, vx); // moves: downloaded from the variant, released there, uploaded to the real device
            assertEquals(0, discrete.liveBuffers(), "the copy on the previous device is released");
            assertEquals(DEVICE, vx.where());
            float[] got = vx.toArray();
            for (int i = 0; i < N; i++) {
                assertEquals(6f * x[i], got[i], "x[" + i + "]");
            }
        }
    }

    @Test
    void doublesToo() {
        if (!discrete.info().fp64()) {
            return;
        }
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = (i % 13 - 6) * 0.25;
        }
        try (DoubleArray vx = DoubleArray.of(x); DoubleArray vy = DoubleArray.allocate(N)) {
            set.copy(N, VecF64.offHeap(vx, 0, 1), VecF64.offHeap(vy, 0, 1), 1);
            set.scal(N, -4.0, VecF64.offHeap(vy, 0, 1), 1);
            assertEquals(DEVICE, vy.where());
            assertEquals(0.0, vy.segmentNoSync().getAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, 1));
            double[] got = vy.toArray();
            for (int i = 0; i < N; i++) {
                assertEquals(-4.0 * x[i], got[i], "y[" + i + "]");
            }
        }
    }

    @Test
    void closingTheBackendBringsResidentArraysHomeFirst() {
        OpenClBackend closing = OpenClTestDevice.variant(real, "opencl-closing-test", real.info().fp64(), false);
        OpenClKernelSet onClosing = new OpenClKernelSet(closing);
        float[] x = values(N, 23, 11);
        try (FloatArray written = FloatArray.of(x); FloatArray read = FloatArray.of(x); FloatArray viewed = FloatArray.of(x)) {
            FloatArray closedEarly = FloatArray.of(x);
            onClosing.scal(N, -2f, whole(written), 1);
            onClosing.sum(N, whole(read), 1);
            onClosing.scal(50, 3f, VecF32.offHeap(viewed.view(100, 50), 0, 1), 1);
            onClosing.scal(N, 5f, whole(closedEarly), 1);
            closedEarly.close();
            assertEquals(DEVICE, written.where());
            assertEquals(BOTH, read.where());
            assertEquals(DEVICE, viewed.where());
            assertEquals(3, closing.liveBuffers());

            closing.close();
            assertEquals(0, closing.liveBuffers(), "closing the backend released every array's buffer");
            assertEquals(HOST, written.where());
            assertEquals(HOST, read.where());
            assertEquals(HOST, viewed.where());
            for (int i = 0; i < N; i++) {
                assertEquals(-2f * x[i], written.segmentNoSync().getAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, i),
                        "written[" + i + "] was brought home before the buffer was freed");
                assertEquals(x[i], read.get(i));
                assertEquals(i >= 100 && i < 150 ? 3f * x[i] : x[i], viewed.get(i), "viewed[" + i + "]");
            }
            // The arrays go on working elsewhere; the closed backend refuses work.
            cpu.scal(2f, written);
            assertEquals(-4f * x[1], written.get(1));
            assertThrows(IllegalStateException.class, () -> onClosing.scal(N, 1f, whole(read), 1));
        } finally {
            closing.close(); // idempotent
        }
    }

    @Test
    void closingReleasesTheCopy() {
        FloatArray a = FloatArray.of(values(N, 5, 2));
        set.scal(N, 2f, whole(a), 1);
        assertEquals(1, discrete.liveBuffers());
        a.close();
        assertEquals(0, discrete.liveBuffers());
        assertTrue(a.isClosed());
    }
}
