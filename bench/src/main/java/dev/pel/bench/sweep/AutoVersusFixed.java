package dev.pel.bench.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the dispatcher did in a sweep: at every point with an {@code auto} row, its time over the best
 * forced backend's (peers excluded), summarised as the geometric mean and the worst point.
 *
 * @param points   points compared
 * @param geomean  geometric mean of auto / best fixed backend
 * @param worst    the largest ratio
 * @param worstAt  where it occurred: kernel, type, n, auto's choice and the best backend
 */
public record AutoVersusFixed(int points, double geomean, double worst, String worstAt) {

    /** The comparison, or empty when the rows have no point with both auto and a forced backend. */
    public static Optional<AutoVersusFixed> of(List<SweepRow> rows) {
        Map<String, List<SweepRow>> byPoint = new LinkedHashMap<>();
        for (SweepRow r : rows) {
            byPoint.computeIfAbsent(r.kernel() + " " + r.dtype() + " n=" + r.n(), k -> new ArrayList<>()).add(r);
        }
        int points = 0;
        double logSum = 0;
        double worst = 0;
        String worstAt = "";
        for (var e : byPoint.entrySet()) {
            SweepRow auto = null;
            SweepRow best = null;
            for (SweepRow r : e.getValue()) {
                if (r.backend().equals("auto")) {
                    auto = r;
                } else if (!r.backend().startsWith("peer:") && (best == null || r.medianNanos() < best.medianNanos())) {
                    best = r;
                }
            }
            if (auto == null || best == null) {
                continue;
            }
            double ratio = auto.medianNanos() / best.medianNanos();
            points++;
            logSum += Math.log(ratio);
            if (ratio > worst) {
                worst = ratio;
                worstAt = e.getKey() + " (auto ran " + auto.chosen() + ", best " + best.backend() + ")";
            }
        }
        return points == 0 ? Optional.empty() : Optional.of(new AutoVersusFixed(points, Math.exp(logSum / points), worst, worstAt));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "auto / best forced backend over %d points: geometric mean %.3f, worst %.2f at %s", points,
                geomean, worst, worstAt);
    }
}
