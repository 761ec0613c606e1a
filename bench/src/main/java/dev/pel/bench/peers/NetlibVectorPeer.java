package dev.pel.bench.peers;

import dev.ludovic.netlib.blas.JavaBLAS;
import dev.pel.bench.workload.BenchKernel;
import dev.pel.bench.workload.KernelCall;
import dev.pel.bench.workload.Operands;
import dev.pel.runtime.DType;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * dev.ludovic.netlib's pure-Java BLAS, whose {@code VectorBLAS} uses the Vector API (the class is
 * package-private: {@link JavaBLAS#getInstance()} returns it when {@code jdk.incubator.vector} is
 * in the boot layer, else an older scalar implementation). The peer is available only when it got
 * {@code VectorBLAS}, so that its name says what ran. BLAS level 1 has no sum, reductions or
 * element-wise functions; its {@code i?amax} is not in {@code VectorBLAS} (netlib falls back to
 * the F2J reference), so iamax is left out rather than reported under this peer's name.
 */
public final class NetlibVectorPeer implements Peer {
    public static final String NAME = "netlib-vector";
    private static final String VECTOR_BLAS = "dev.ludovic.netlib.blas.VectorBLAS";

    /**
     * netlib loads its JNI BLAS first and logs a warning when the system has no native BLAS. This
     * peer asks for the Java implementation only, so that warning is noise here; the logger is held
     * strongly because JUL forgets the levels of loggers nobody references.
     */
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib.blas.InstanceBuilder");

    private JavaBLAS blas;

    @Override
    public String name() {
        return NAME;
    }

    private synchronized JavaBLAS blas() {
        if (blas == null) {
            NETLIB_LOG.setLevel(Level.SEVERE);
            blas = JavaBLAS.getInstance();
        }
        return blas;
    }

    /** The class netlib returned, e.g. {@code dev.ludovic.netlib.blas.VectorBLAS}. */
    public String implementation() {
        return blas().getClass().getName();
    }

    @Override
    public Optional<String> unavailableReason() {
        String impl = implementation();
        if (impl.equals(VECTOR_BLAS)) {
            return Optional.empty();
        }
        return Optional.of("JavaBLAS.getInstance() returned " + impl + ", not " + VECTOR_BLAS
                + " (is jdk.incubator.vector in the boot layer?)");
    }

    @Override
    public String details() {
        return implementation() + " (netlib blas 3.0.4), 1 thread";
    }

    @Override
    public boolean supports(BenchKernel kernel, DType dtype) {
        return switch (kernel) {
            case DOT, AXPY, SCAL, COPY, SWAP, ASUM, NRM2 -> true;
            case IAMAX, SUM, MEAN, VARIANCE, MIN, MAX, ADD, MUL, FMA, EXP, SIGMOID, CLAMP -> false;
        };
    }

    @Override
    public KernelCall bind(BenchKernel kernel, Operands in) {
        if (!supports(kernel, in.dtype())) {
            throw Peers.unsupported(this, kernel, in.dtype());
        }
        return in.dtype() == DType.F32 ? bindF32(kernel, in) : bindF64(kernel, in);
    }

    // BLAS names its routines by type (ddot, sdot), so the lines that call one say their float routine.
    // @twin-begin F64
    private KernelCall bindF64(BenchKernel kernel, Operands in) {
        JavaBLAS b = blas();
        int n = in.n();
        double[] x = in.xF64();
        double[] y = in.yF64();
        double a = (double) Operands.AXPY_ALPHA;
        return switch (kernel) {
            case DOT -> () -> b.ddot(n, x, 1, y, 1); //F32: case DOT -> () -> b.sdot(n, x, 1, y, 1);
            case AXPY -> () -> {
                b.daxpy(n, a, x, 1, y, 1); //F32: b.saxpy(n, a, x, 1, y, 1);
                return 0;
            };
            case SCAL -> () -> {
                b.dscal(n, (double) in.nextScale(), x, 1); //F32: b.sscal(n, (float) in.nextScale(), x, 1);
                return 0;
            };
            case COPY -> () -> {
                b.dcopy(n, x, 1, y, 1); //F32: b.scopy(n, x, 1, y, 1);
                return 0;
            };
            case ASUM -> () -> b.dasum(n, x, 1); //F32: case ASUM -> () -> b.sasum(n, x, 1);
            case NRM2 -> () -> b.dnrm2(n, x, 1); //F32: case NRM2 -> () -> b.snrm2(n, x, 1);
            case SWAP -> () -> {
                b.dswap(n, x, 1, y, 1); //F32: b.sswap(n, x, 1, y, 1);
                return 0;
            };
            case IAMAX, SUM, MEAN, VARIANCE, MIN, MAX, ADD, MUL, FMA, EXP, SIGMOID, CLAMP ->
                    throw Peers.unsupported(this, kernel, in.dtype());
        };
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    private KernelCall bindF32(BenchKernel kernel, Operands in) {
        JavaBLAS b = blas();
        int n = in.n();
        float[] x = in.xF32();
        float[] y = in.yF32();
        float a = (float) Operands.AXPY_ALPHA;
        return switch (kernel) {
            case DOT -> () -> b.sdot(n, x, 1, y, 1);
            case AXPY -> () -> {
                b.saxpy(n, a, x, 1, y, 1);
                return 0;
            };
            case SCAL -> () -> {
                b.sscal(n, (float) in.nextScale(), x, 1);
                return 0;
            };
            case COPY -> () -> {
                b.scopy(n, x, 1, y, 1);
                return 0;
            };
            case ASUM -> () -> b.sasum(n, x, 1);
            case NRM2 -> () -> b.snrm2(n, x, 1);
            case SWAP -> () -> {
                b.sswap(n, x, 1, y, 1);
                return 0;
            };
            case IAMAX, SUM, MEAN, VARIANCE, MIN, MAX, ADD, MUL, FMA, EXP, SIGMOID, CLAMP ->
                    throw Peers.unsupported(this, kernel, in.dtype());
        };
    }
    // @twin-end
}
