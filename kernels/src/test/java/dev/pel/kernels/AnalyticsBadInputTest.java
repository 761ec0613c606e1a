package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.kernels.spi.Compare;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad arguments to {@link Analytics} are rejected before anything is written: the documented exception
 * type, a message that starts with the argument's name, and every array passed unchanged.
 */
class AnalyticsBadInputTest {
    private final Analytics an = Analytics.get();

    private static Object copy(Object a) {
        return switch (a) {
            case double[] d -> d.clone();
            case float[] f -> f.clone();
            case int[] i -> i.clone();
            case long[] l -> l.clone();
            default -> throw new IllegalArgumentException(String.valueOf(a));
        };
    }

    private static <T extends Throwable> void rejects(Class<T> type, String arg, Executable call, Object... arrays) {
        List<Object> before = new ArrayList<>();
        for (Object a : arrays) {
            before.add(copy(a));
        }
        T e = assertThrows(type, call, arg + ": expected " + type.getSimpleName());
        assertTrue(e.getMessage() != null && e.getMessage().startsWith(arg + ":"), "message should start with '" + arg + ":' but was: "
                + e.getMessage());
        for (int i = 0; i < arrays.length; i++) {
            assertTrue(Arrays.deepEquals(new Object[] {before.get(i)}, new Object[] {arrays[i]}), arg + ": array " + i + " was written");
        }
    }

    private static double[] d(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.25 * i - 1.5;
        }
        return x;
    }

    private static float[] f(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.25f * i - 1.5f;
        }
        return x;
    }

    @Test
    void scan() {
        double[] x = d(10);
        double[] y = d(9);
        rejects(NullPointerException.class, "x", () -> an.inclusiveScan((double[]) null, y), y);
        rejects(NullPointerException.class, "y", () -> an.exclusiveScan(x, (double[]) null), x);
        rejects(IllegalArgumentException.class, "y", () -> an.inclusiveScan(x, y), x, y);
        float[] fx = f(10);
        float[] fy = f(11);
        rejects(IllegalArgumentException.class, "y", () -> an.exclusiveScan(fx, fy), fx, fy);
    }

    @Test
    void histogram() {
        double[] x = d(10);
        long[] counts = {5, 6, 7};
        rejects(NullPointerException.class, "x", () -> an.histogram((double[]) null, 0, 1, counts), counts);
        rejects(NullPointerException.class, "counts", () -> an.histogram(x, 0, 1, (long[]) null), x);
        rejects(IllegalArgumentException.class, "counts", () -> an.histogram(x, 0, 1, new long[0]), x);
        rejects(IllegalArgumentException.class, "bins", () -> an.histogram(x, 0, 1, 0), x);
        rejects(IllegalArgumentException.class, "lo", () -> an.histogram(x, Double.NaN, 1, counts), x, counts);
        rejects(IllegalArgumentException.class, "lo", () -> an.histogram(x, Double.NEGATIVE_INFINITY, 1, counts), x, counts);
        rejects(IllegalArgumentException.class, "hi", () -> an.histogram(x, 1, 1, counts), x, counts);
        rejects(IllegalArgumentException.class, "hi", () -> an.histogram(x, 2, 1, counts), x, counts);
        rejects(IllegalArgumentException.class, "hi", () -> an.histogram(x, -Double.MAX_VALUE, Double.MAX_VALUE, counts), x, counts);
        float[] fx = f(10);
        rejects(IllegalArgumentException.class, "hi", () -> an.histogram(fx, -Float.MAX_VALUE, Float.MAX_VALUE, counts), fx, counts);
        rejects(IllegalArgumentException.class, "bins", () -> an.histogram(fx, 0f, Float.MIN_VALUE, new long[1024]), fx);
    }

    @Test
    void sort() {
        double[] keys = d(10);
        int[] values = new int[9];
        long[] longs = new long[11];
        rejects(NullPointerException.class, "keys", () -> an.sort((double[]) null));
        rejects(NullPointerException.class, "values", () -> an.sort(keys, (int[]) null), keys);
        rejects(IllegalArgumentException.class, "values", () -> an.sort(keys, values), keys, values);
        rejects(IllegalArgumentException.class, "values", () -> an.sort(keys, longs), keys, longs);
        rejects(IllegalArgumentException.class, "perm", () -> an.sortPermutation(keys, values), keys, values);
        float[] fk = f(10);
        rejects(IllegalArgumentException.class, "values", () -> an.sort(fk, values), fk, values);
    }

    @Test
    void spmv() {
        int[] rowPtr = {0, 2, 3};
        int[] col = {0, 2, 1};
        double[] val = {1, 2, 3};
        double[] x = d(3);
        double[] y = d(2);
        rejects(NullPointerException.class, "rowPtr", () -> an.spmv(null, col, val, x, y), col, val, x, y);
        rejects(NullPointerException.class, "colIdx", () -> an.spmv(rowPtr, null, val, x, y), rowPtr, val, x, y);
        rejects(NullPointerException.class, "values", () -> an.spmv(rowPtr, col, (double[]) null, x, y), rowPtr, col, x, y);
        rejects(IllegalArgumentException.class, "rowPtr", () -> an.spmv(new int[0], col, val, x, y), y);
        rejects(IllegalArgumentException.class, "rowPtr", () -> an.spmv(new int[] {1, 2, 3}, col, val, x, y), y);
        rejects(IllegalArgumentException.class, "rowPtr", () -> an.spmv(new int[] {0, 3, 2}, col, val, x, y), y);
        rejects(IndexOutOfBoundsException.class, "colIdx", () -> an.spmv(new int[] {0, 2, 4}, col, val, x, y), y);
        rejects(IndexOutOfBoundsException.class, "values", () -> an.spmv(rowPtr, new int[] {0, 1, 2, 0}, new double[2], x, y), y);
        rejects(IndexOutOfBoundsException.class, "colIdx", () -> an.spmv(rowPtr, new int[] {0, 3, 1}, val, x, y), y);
        rejects(IndexOutOfBoundsException.class, "colIdx", () -> an.spmv(rowPtr, new int[] {0, -1, 1}, val, x, y), y);
        rejects(IllegalArgumentException.class, "y", () -> an.spmv(rowPtr, col, val, x, d(3)), x);
        float[] fy = f(2);
        rejects(IndexOutOfBoundsException.class, "colIdx", () -> an.spmv(rowPtr, new int[] {0, 5, 1}, new float[3], f(3), fy), fy);
    }

    @Test
    void kmeans() {
        double[] pts = d(12);
        double[] cen = d(6);
        int[] labels = new int[6];
        double[] next = d(6);
        int[] counts = new int[3];
        rejects(NullPointerException.class, "points", () -> an.kmeansStep((double[]) null, 2, cen, labels, next, counts), cen, next);
        rejects(IllegalArgumentException.class, "dims", () -> an.kmeansStep(pts, 0, cen, labels, next, counts), labels, next, counts);
        rejects(IllegalArgumentException.class, "points", () -> an.kmeansStep(d(13), 2, cen, labels, next, counts), labels, next);
        rejects(IllegalArgumentException.class, "centroids", () -> an.kmeansStep(pts, 2, d(5), labels, next, counts), labels, next);
        rejects(IllegalArgumentException.class, "centroids", () -> an.kmeansStep(pts, 2, new double[0], labels, next, counts), labels);
        rejects(IllegalArgumentException.class, "labels", () -> an.kmeansStep(pts, 2, cen, new int[5], next, counts), next, counts);
        rejects(IllegalArgumentException.class, "newCentroids", () -> an.kmeansStep(pts, 2, cen, labels, d(4), counts), labels, counts);
        rejects(IllegalArgumentException.class, "counts", () -> an.kmeansStep(pts, 2, cen, labels, next, new int[2]), labels, next);
        rejects(IllegalArgumentException.class, "newCentroids", () -> an.kmeansStep(pts, 2, cen, labels, cen, counts), cen, labels);
        float[] fn = f(6);
        rejects(IllegalArgumentException.class, "counts", () -> an.kmeansStep(f(12), 2, f(6), labels, fn, new int[4]), labels, fn);
    }

    @Test
    void softmaxAndLogSumExp() {
        double[] x = d(5);
        double[] y = d(4);
        rejects(NullPointerException.class, "x", () -> an.softmax((double[]) null, y), y);
        rejects(IllegalArgumentException.class, "y", () -> an.softmax(x, y), x, y);
        rejects(NullPointerException.class, "x", () -> an.logSumExp((float[]) null));
        assertEquals(Double.NEGATIVE_INFINITY, an.logSumExp(new double[0]));
    }

    @Test
    void transpose() {
        double[] a = d(6);
        double[] b = d(6);
        rejects(IllegalArgumentException.class, "a", () -> an.transpose(a, 2, 4, b), a, b);
        rejects(IllegalArgumentException.class, "rows", () -> an.transpose(a, -2, -3, b), a, b);
        rejects(IllegalArgumentException.class, "b", () -> an.transpose(a, 2, 3, d(7)), a);
        rejects(IllegalArgumentException.class, "b", () -> an.transpose(a, 2, 3, a), a);
        rejects(NullPointerException.class, "b", () -> an.transpose(f(6), 2, 3, null));
    }

    @Test
    void compact() {
        double[] x = d(8);
        double[] y = d(7);
        rejects(NullPointerException.class, "op", () -> an.compact(x, null, 0, d(8)), x);
        rejects(IllegalArgumentException.class, "y", () -> an.compact(x, Compare.GT, 0, y), x, y);
        rejects(IllegalArgumentException.class, "y", () -> an.compact(x, Compare.GT, 0, x), x);
        float[] fy = f(3);
        rejects(IllegalArgumentException.class, "y", () -> an.compact(f(4), Compare.LE, 0f, fy), fy);
        int[] idx = new int[7];
        rejects(IllegalArgumentException.class, "indices", () -> an.compactIndices(x, Compare.GT, 0, idx), x, idx);
        rejects(NullPointerException.class, "indices", () -> an.compactIndices(f(2), Compare.GT, 0f, null));
        rejects(NullPointerException.class, "op", () -> an.compactIndices(x, null, 0, new int[8]), x);
    }

    @Test
    void fft() {
        double[] odd = d(7);
        double[] notPow2 = d(12);
        rejects(NullPointerException.class, "data", () -> an.fft((double[]) null));
        rejects(IllegalArgumentException.class, "data", () -> an.fft(odd), odd);
        rejects(IllegalArgumentException.class, "data", () -> an.ifft(notPow2), notPow2);
        float[] f = f(6);
        rejects(IllegalArgumentException.class, "data", () -> an.fft(f), f);
        double[] one = {3, 4};
        an.fft(one);
        an.ifft(one);
        assertEquals(List.of(3.0, 4.0), List.of(one[0], one[1]), "one point is its own transform");
    }

    @Test
    void offHeap() {
        try (DoubleArray x = DoubleArray.of(1, 2, 3, 4); DoubleArray y = DoubleArray.of(9, 9, 9); FloatArray f = FloatArray.of(1, 2, 3)) {
            DoubleArray closed = DoubleArray.of(1, 2);
            closed.close();
            rejects(IllegalStateException.class, "x", () -> an.logSumExp(closed));
            rejects(IllegalArgumentException.class, "y", () -> an.inclusiveScan(x, y));
            assertArrayEquals(new double[] {9, 9, 9}, y.toArray(), "y was written");
            rejects(IllegalArgumentException.class, "y", () -> an.compact(x, Compare.GT, 0, y));
            assertArrayEquals(new double[] {9, 9, 9}, y.toArray(), "y was written");
            rejects(IllegalArgumentException.class, "data", () -> an.fft(f));
            assertArrayEquals(new float[] {1, 2, 3}, f.toArray(), "data was written");
            rejects(IllegalArgumentException.class, "hi", () -> an.histogram(x, 2, 1, 4));
            rejects(NullPointerException.class, "x", () -> an.softmax((DoubleArray) null, y));
        }
    }
}
