package dev.pel.bench.workload.analytics;

import dev.pel.bench.workload.WrongResultException;
import java.util.Locale;

/**
 * Collects element checks and keeps the worst (the largest error over its allowance; any exact
 * mismatch or NaN where a number was due counts as infinitely bad), then throws a
 * {@link WrongResultException} naming who, the point, how many elements failed and the worst one.
 */
final class Worst {
    private final String who;
    private final String point;
    private long failures;
    private double worstRatio;
    private String worst;

    Worst(String who, String point) {
        this.who = who;
        this.point = point;
    }

    /** |got - expected| <= allowed (a NaN on either side fails unless both are NaN and allowed is exact). */
    void near(String array, long index, double got, double expected, double allowed) {
        double err = Math.abs(got - expected);
        if (err <= allowed || (Double.isNaN(got) && Double.isNaN(expected))
                || (got == expected)) { // infinities of the same sign
            return;
        }
        double ratio = Double.isNaN(err) || allowed == 0 ? Double.POSITIVE_INFINITY : err / allowed;
        fail(ratio, String.format(Locale.ROOT, "%s[%d] = %s, expected %s within %s", array, index, got, expected,
                allowed == 0 ? "exact" : String.format(Locale.ROOT, "%.3g", allowed)));
    }

    /** An exact comparison that failed (or not) with its description. */
    void exact(boolean same, String array, long index, String got, String expected) {
        if (!same) {
            fail(Double.POSITIVE_INFINITY, String.format(Locale.ROOT, "%s[%d] = %s, expected %s (exact)", array, index, got,
                    expected));
        }
    }

    /** A failure that is not an element's (a count, a norm). */
    void fail(double ratio, String what) {
        failures++;
        if (worst == null || ratio > worstRatio) {
            worstRatio = ratio;
            worst = what;
        }
    }

    /** @throws WrongResultException when any check failed */
    void done() {
        if (failures > 0) {
            throw new WrongResultException(String.format(Locale.ROOT, "%s gave a wrong result for %s: %,d check%s failed; the worst: %s",
                    who, point, failures, failures == 1 ? "" : "s", worst));
        }
    }
}
