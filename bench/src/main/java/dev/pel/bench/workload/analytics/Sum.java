package dev.pel.bench.workload.analytics;

/**
 * Neumaier's compensated sum in double: the references' sums are within about 2 ulps of the exact
 * sum (Higham, 4.3), far below the element type's tolerances, f64 included.
 */
final class Sum {
    private double s;
    private double c;

    void add(double v) {
        double t = s + v;
        if (Math.abs(s) >= Math.abs(v)) {
            c += (s - t) + v;
        } else {
            c += (v - t) + s;
        }
        s = t;
    }

    double value() {
        return s + c;
    }
}
