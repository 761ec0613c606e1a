package dev.pel.bench.cli;

import dev.pel.bench.matrix.MatrixSweep;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pel matrix}: the matrix kernels' sweep (gemm, gemv) on Pel backends and peers, printed as a
 * table with each row's ratio to the {@code openblas} peer. Kept beside {@code pel sweep} rather
 * than inside it: the vector sweep's workload model is per-element, the matrix one is by shape.
 */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = "Measures gemm and gemv on Pel backends and peers (openblas, ejml, netlib-vector, netlib-java)"
                + " and prints GFLOP/s with the ratio to OpenBLAS.")
final class MatrixCommand implements Runnable {
    @Option(names = "--kernels", split = ",", defaultValue = "gemm,gemv", description = "gemm, gemv (default: ${DEFAULT-VALUE})")
    List<String> kernels;

    @Option(names = "--dtypes", split = ",", defaultValue = "f64,f32", description = "f32, f64 (default: ${DEFAULT-VALUE})")
    List<String> dtypes;

    @Option(names = "--shapes", split = ",", defaultValue = "64,256,1024,2048,4096x64x4096,64x4096x4096",
            description = "n (square) or MxNxK (gemm) / MxN (gemv) (default: ${DEFAULT-VALUE})")
    List<String> shapes;

    @Option(names = "--impls", split = ",", defaultValue = "pel:cpu-simd,openblas,ejml,netlib-vector",
            description = "pel:<backend>, openblas, ejml, netlib-vector, netlib-java (default: ${DEFAULT-VALUE})")
    List<String> impls;

    @Option(names = "--warmup", defaultValue = "1", description = "seconds of warm-up per case (default: ${DEFAULT-VALUE})")
    double warmup;

    @Option(names = "--time", defaultValue = "2", description = "seconds measured per case (default: ${DEFAULT-VALUE})")
    double time;

    @Override
    public void run() {
        PrintStream out = System.out;
        MatrixSweep sweep = new MatrixSweep(warmup, time, out);
        sweep.table(sweep.run(kernels, dtypes, shapes, impls));
    }
}
