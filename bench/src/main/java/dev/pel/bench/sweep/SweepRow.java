package dev.pel.bench.sweep;

import java.util.Locale;

/**
 * One measured point, as written to {@code sweep.csv}.
 *
 * @param kernel      kernel name
 * @param dtype       {@code f32} or {@code f64}
 * @param n           elements
 * @param backend     a backend name, {@code auto}, or {@code peer:<name>}
 * @param chosen      the backend that actually ran (what auto picked), or the peer's name
 * @param medianNanos median time of one call
 * @param gflops      floating-point operations per nanosecond (= GFLOP/s)
 * @param gbps        bytes moved per nanosecond (= GB/s)
 * @param residency   where the operands lived ({@code copy} or {@code resident} for Pel,
 *                    {@code host} for a peer), or null when the sweep was not asked to report it
 *                    (then the CSV has no {@code residency} column)
 */
public record SweepRow(String kernel, String dtype, long n, String backend, String chosen, double medianNanos,
        double gflops, double gbps, String residency) {

    /** A row without the residency column. */
    public SweepRow(String kernel, String dtype, long n, String backend, String chosen, double medianNanos, double gflops,
            double gbps) {
        this(kernel, dtype, n, backend, chosen, medianNanos, gflops, gbps, null);
    }

    /** The row in the column order of {@link SweepCsv#HEADER}, plus {@code residency} when it is set. */
    public String toCsv() {
        String base = String.format(Locale.ROOT, "%s,%s,%d,%s,%s,%.1f,%.4f,%.4f", kernel, dtype, n, backend, chosen,
                medianNanos, gflops, gbps);
        return residency == null ? base : base + "," + residency;
    }
}
