package dev.pel.bench.workload.analytics;

import dev.pel.bench.workload.Workload;
import java.util.List;

/**
 * The analytics kernels as sweep workloads, one per catalogue entry ({@code Catalogue.ANALYTICS}), in
 * catalogue order. Sweep size n maps to extents so the work grows roughly linearly with n:
 *
 * <table>
 *   <caption>extents at sweep size n</caption>
 *   <tr><th>workload</th><th>extents</th></tr>
 *   <tr><td>scan-inclusive, scan-exclusive, histogram (256 bins), sort (key-value), softmax, logsumexp,
 *       compact, compact-index</td><td>n</td></tr>
 *   <tr><td>spmv</td><td>n nonzeros over max(1, n/16) rows (square)</td></tr>
 *   <tr><td>kmeans-step</td><td>max(1, n/4) points, k = 8, 4 dims</td></tr>
 *   <tr><td>transpose</td><td>floor(sqrt n) x floor(sqrt n)</td></tr>
 *   <tr><td>fft</td><td>the largest power of two &lt;= n complex points (at least 2)</td></tr>
 * </table>
 */
public final class AnalyticsWorkloads {
    private static final List<AnalyticsWorkload> ALL = List.of(new ScanWorkload(false), new ScanWorkload(true),
            new HistogramWorkload(), new SortWorkload(), new SpmvWorkload(), new KmeansWorkload(), new SoftmaxWorkload(false),
            new SoftmaxWorkload(true), new TransposeWorkload(), new CompactWorkload(false), new CompactWorkload(true),
            new FftWorkload());

    private AnalyticsWorkloads() {
    }

    /** Every analytics workload, in catalogue order. */
    public static List<Workload> all() {
        return List.copyOf(ALL);
    }

    /** The analytics workload of that name (a catalogue name, e.g. {@code spmv}), or null. */
    public static AnalyticsWorkload byName(String name) {
        for (AnalyticsWorkload w : ALL) {
            if (w.name().equals(name)) {
                return w;
            }
        }
        return null;
    }
}
