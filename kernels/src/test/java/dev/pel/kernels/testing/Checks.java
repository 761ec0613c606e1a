package dev.pel.kernels.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.BitSet;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;

/** Assertions shared by the contract tests; every message names the case, the element and its inputs. */
public final class Checks {
    private Checks() {
    }

    /** Decides whether one computed element is acceptable. */
    @FunctionalInterface
    public interface ElementTest {
        boolean accepts(int i, double expected, double actual);
    }

    /** Exact: same bits in the element type (any NaN matches any NaN). */
    public static ElementTest exact(DType t) {
        return (i, e, a) -> Tolerances.sameValue(t, e, a);
    }

    /** Within {@code ulps} of the element type; 0 means {@link #exact}. */
    public static ElementTest ulps(DType t, long ulps) {
        if (ulps == 0) {
            return exact(t);
        }
        return (i, e, a) -> Tolerances.ulpDistance(t, e, a) <= ulps;
    }

    public static String fmt(DType t, double v) {
        if (t == DType.F32) {
            float f = (float) v;
            return Float.isNaN(f) ? "NaN(0x" + Integer.toHexString(Float.floatToRawIntBits(f)) + ")"
                    : f + " (" + Float.toHexString(f) + ")";
        }
        return Double.isNaN(v) ? "NaN(0x" + Long.toHexString(Double.doubleToRawLongBits(v)) + ")"
                : v + " (" + Double.toHexString(v) + ")";
    }

    private static String fmtBits(DType t, long bits) {
        return t == DType.F32 ? fmt(t, Float.intBitsToFloat((int) bits)) : fmt(t, Double.longBitsToDouble(bits));
    }

    /**
     * Proves which backend ran: the thread's last call record is new since {@code before} and names
     * the case's backend, the kernel, the element type and n.
     */
    public static CallRecord ran(Case c, String kernel, CallRecord before) {
        CallRecord r = PelRuntime.lastCall();
        if (r == null || r == before) {
            fail(c + " " + kernel + ": no call record was made (lastCall " + r + ")");
        }
        if (!c.backend().equals(r.backend()) || !kernel.equals(r.kernel()) || c.dtype() != r.dtype() || c.n() != r.n()) {
            fail(c + " " + kernel + ": expected a call of " + kernel + " " + c.dtype().label() + " n=" + c.n() + " on " + c.backend()
                    + ", but the last call record is " + r);
        }
        return r;
    }

    /** Every memory element of {@code a} still has the bits it had in {@code before}. */
    public static void unchanged(Case c, String name, GuardedArray a, long[] before) {
        long[] after = a.snapshot();
        for (int m = 0; m < after.length; m++) {
            if (after[m] != before[m]) {
                fail(c + " " + name + " (" + a + "): memory element " + m + " must not change, was " + fmtBits(a.dtype(), before[m])
                        + ", now " + fmtBits(a.dtype(), after[m]));
            }
        }
    }

    /**
     * Checks an output: the n logical elements (at operand indexes {@code position(i)}) are written
     * and accepted by {@code test} against {@code expected(i)}; every other memory element kept its
     * bits from {@code before} (guards, gaps between strided elements, the parent around a view).
     */
    public static void output(Case c, String name, GuardedArray out, long[] before, int n, IntToLongFunction position,
            IntToDoubleFunction expected, ElementTest test, String tolerance, IntFunction<String> inputs) {
        BitSet written = new BitSet(out.memoryLength());
        long sentinel = out.sentinelBits();
        for (int i = 0; i < n; i++) {
            int m = out.memoryIndex(position.applyAsLong(i));
            written.set(m);
            double actual = out.getMemory(m);
            if (out.rawBits(m) == sentinel && before[m] == sentinel) {
                fail(c + " " + name + "[" + i + "] (memory " + m + ") was not written: it still holds the sentinel; inputs "
                        + inputs.apply(i));
            }
            double e = expected.applyAsDouble(i);
            if (!test.accepts(i, e, actual)) {
                fail(c + " " + name + "[" + i + "] (memory " + m + "): expected " + fmt(c.dtype(), e) + " (" + tolerance + "), got "
                        + fmt(c.dtype(), actual) + " (" + Tolerances.ulpDistance(c.dtype(), e, actual) + " ulp); inputs "
                        + inputs.apply(i));
            }
        }
        long[] after = out.snapshot();
        for (int m = 0; m < after.length; m++) {
            if (!written.get(m) && after[m] != before[m]) {
                fail(c + " " + name + " (" + out + "): memory element " + m + " is outside the written range and must not change, was "
                        + fmtBits(out.dtype(), before[m]) + ", now " + fmtBits(out.dtype(), after[m]));
            }
        }
    }

    /**
     * A reduction's result: NaN where the reference is NaN, the same infinity where it is infinite,
     * else within {@code bound} of it.
     */
    public static void close(Case c, String what, double expected, double actual, double bound, String why) {
        boolean ok;
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            ok = Double.isNaN(expected) ? Double.isNaN(actual) : expected == actual;
        } else {
            ok = Math.abs(actual - expected) <= bound;
        }
        if (!ok) {
            fail(c + " " + what + ": expected " + fmt(c.dtype(), expected) + " within " + bound + " (" + why + "), got "
                    + fmt(c.dtype(), actual) + ", error " + Math.abs(actual - expected));
        }
    }

    /** An exact result (same bits, any NaN matching any NaN). */
    public static void same(Case c, String what, double expected, double actual) {
        if (!Tolerances.sameValue(c.dtype(), expected, actual)) {
            fail(c + " " + what + ": expected exactly " + fmt(c.dtype(), expected) + ", got " + fmt(c.dtype(), actual));
        }
    }
}
