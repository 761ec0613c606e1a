package dev.pel.netlib;

import dev.ludovic.netlib.blas.BLAS;

/**
 * Every routine of netlib's {@link BLAS} interface handed to another implementation, except that
 * each short form (no offsets) calls this object's offset form with offsets 0, so that a subclass
 * overriding the offset form serves both. Generated from the interface's signatures (javap of
 * dev.ludovic.netlib:blas 3.0.4); parameters keep netlib's order.
 */
abstract class DelegatingBLAS implements BLAS {
    /** Where the routines this class does not override go. */
    protected final BLAS fallback;

    DelegatingBLAS(BLAS fallback) {
        this.fallback = fallback;
    }

    @Override
    public double dasum(int p0, double[] p1, int p2) {
        return dasum(p0, p1, 0, p2);
    }

    @Override
    public double dasum(int p0, double[] p1, int p2, int p3) {
        return fallback.dasum(p0, p1, p2, p3);
    }

    @Override
    public float sasum(int p0, float[] p1, int p2) {
        return sasum(p0, p1, 0, p2);
    }

    @Override
    public float sasum(int p0, float[] p1, int p2, int p3) {
        return fallback.sasum(p0, p1, p2, p3);
    }

    @Override
    public void daxpy(int p0, double p1, double[] p2, int p3, double[] p4, int p5) {
        daxpy(p0, p1, p2, 0, p3, p4, 0, p5);
    }

    @Override
    public void daxpy(int p0, double p1, double[] p2, int p3, int p4, double[] p5, int p6, int p7) {
        fallback.daxpy(p0, p1, p2, p3, p4, p5, p6, p7);
    }

    @Override
    public void saxpy(int p0, float p1, float[] p2, int p3, float[] p4, int p5) {
        saxpy(p0, p1, p2, 0, p3, p4, 0, p5);
    }

    @Override
    public void saxpy(int p0, float p1, float[] p2, int p3, int p4, float[] p5, int p6, int p7) {
        fallback.saxpy(p0, p1, p2, p3, p4, p5, p6, p7);
    }

    @Override
    public void dcopy(int p0, double[] p1, int p2, double[] p3, int p4) {
        dcopy(p0, p1, 0, p2, p3, 0, p4);
    }

    @Override
    public void dcopy(int p0, double[] p1, int p2, int p3, double[] p4, int p5, int p6) {
        fallback.dcopy(p0, p1, p2, p3, p4, p5, p6);
    }

    @Override
    public void scopy(int p0, float[] p1, int p2, float[] p3, int p4) {
        scopy(p0, p1, 0, p2, p3, 0, p4);
    }

    @Override
    public void scopy(int p0, float[] p1, int p2, int p3, float[] p4, int p5, int p6) {
        fallback.scopy(p0, p1, p2, p3, p4, p5, p6);
    }

    @Override
    public double ddot(int p0, double[] p1, int p2, double[] p3, int p4) {
        return ddot(p0, p1, 0, p2, p3, 0, p4);
    }

    @Override
    public double ddot(int p0, double[] p1, int p2, int p3, double[] p4, int p5, int p6) {
        return fallback.ddot(p0, p1, p2, p3, p4, p5, p6);
    }

    @Override
    public float sdot(int p0, float[] p1, int p2, float[] p3, int p4) {
        return sdot(p0, p1, 0, p2, p3, 0, p4);
    }

    @Override
    public float sdot(int p0, float[] p1, int p2, int p3, float[] p4, int p5, int p6) {
        return fallback.sdot(p0, p1, p2, p3, p4, p5, p6);
    }

    @Override
    public float sdsdot(int p0, float p1, float[] p2, int p3, float[] p4, int p5) {
        return sdsdot(p0, p1, p2, 0, p3, p4, 0, p5);
    }

    @Override
    public float sdsdot(int p0, float p1, float[] p2, int p3, int p4, float[] p5, int p6, int p7) {
        return fallback.sdsdot(p0, p1, p2, p3, p4, p5, p6, p7);
    }

    @Override
    public void dgbmv(String p0, int p1, int p2, int p3, int p4, double p5, double[] p6, int p7, double[] p8, int p9, double p10, double[] p11, int p12) {
        dgbmv(p0, p1, p2, p3, p4, p5, p6, 0, p7, p8, 0, p9, p10, p11, 0, p12);
    }

    @Override
    public void dgbmv(String p0, int p1, int p2, int p3, int p4, double p5, double[] p6, int p7, int p8, double[] p9, int p10, int p11, double p12, double[] p13, int p14, int p15) {
        fallback.dgbmv(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15);
    }

    @Override
    public void sgbmv(String p0, int p1, int p2, int p3, int p4, float p5, float[] p6, int p7, float[] p8, int p9, float p10, float[] p11, int p12) {
        sgbmv(p0, p1, p2, p3, p4, p5, p6, 0, p7, p8, 0, p9, p10, p11, 0, p12);
    }

    @Override
    public void sgbmv(String p0, int p1, int p2, int p3, int p4, float p5, float[] p6, int p7, int p8, float[] p9, int p10, int p11, float p12, float[] p13, int p14, int p15) {
        fallback.sgbmv(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15);
    }

    @Override
    public void dgemm(String p0, String p1, int p2, int p3, int p4, double p5, double[] p6, int p7, double[] p8, int p9, double p10, double[] p11, int p12) {
        dgemm(p0, p1, p2, p3, p4, p5, p6, 0, p7, p8, 0, p9, p10, p11, 0, p12);
    }

    @Override
    public void dgemm(String p0, String p1, int p2, int p3, int p4, double p5, double[] p6, int p7, int p8, double[] p9, int p10, int p11, double p12, double[] p13, int p14, int p15) {
        fallback.dgemm(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15);
    }

    @Override
    public void sgemm(String p0, String p1, int p2, int p3, int p4, float p5, float[] p6, int p7, float[] p8, int p9, float p10, float[] p11, int p12) {
        sgemm(p0, p1, p2, p3, p4, p5, p6, 0, p7, p8, 0, p9, p10, p11, 0, p12);
    }

    @Override
    public void sgemm(String p0, String p1, int p2, int p3, int p4, float p5, float[] p6, int p7, int p8, float[] p9, int p10, int p11, float p12, float[] p13, int p14, int p15) {
        fallback.sgemm(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15);
    }

    @Override
    public void dgemv(String p0, int p1, int p2, double p3, double[] p4, int p5, double[] p6, int p7, double p8, double[] p9, int p10) {
        dgemv(p0, p1, p2, p3, p4, 0, p5, p6, 0, p7, p8, p9, 0, p10);
    }

    @Override
    public void dgemv(String p0, int p1, int p2, double p3, double[] p4, int p5, int p6, double[] p7, int p8, int p9, double p10, double[] p11, int p12, int p13) {
        fallback.dgemv(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13);
    }

    @Override
    public void sgemv(String p0, int p1, int p2, float p3, float[] p4, int p5, float[] p6, int p7, float p8, float[] p9, int p10) {
        sgemv(p0, p1, p2, p3, p4, 0, p5, p6, 0, p7, p8, p9, 0, p10);
    }

    @Override
    public void sgemv(String p0, int p1, int p2, float p3, float[] p4, int p5, int p6, float[] p7, int p8, int p9, float p10, float[] p11, int p12, int p13) {
        fallback.sgemv(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13);
    }

    @Override
    public void dger(int p0, int p1, double p2, double[] p3, int p4, double[] p5, int p6, double[] p7, int p8) {
        dger(p0, p1, p2, p3, 0, p4, p5, 0, p6, p7, 0, p8);
    }

    @Override
    public void dger(int p0, int p1, double p2, double[] p3, int p4, int p5, double[] p6, int p7, int p8, double[] p9, int p10, int p11) {
        fallback.dger(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11);
    }

    @Override
    public void sger(int p0, int p1, float p2, float[] p3, int p4, float[] p5, int p6, float[] p7, int p8) {
        sger(p0, p1, p2, p3, 0, p4, p5, 0, p6, p7, 0, p8);
    }

    @Override
    public void sger(int p0, int p1, float p2, float[] p3, int p4, int p5, float[] p6, int p7, int p8, float[] p9, int p10, int p11) {
        fallback.sger(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11);
    }

    @Override
    public double dnrm2(int p0, double[] p1, int p2) {
        return dnrm2(p0, p1, 0, p2);
    }

    @Override
    public double dnrm2(int p0, double[] p1, int p2, int p3) {
        return fallback.dnrm2(p0, p1, p2, p3);
    }

    @Override
    public float snrm2(int p0, float[] p1, int p2) {
        return snrm2(p0, p1, 0, p2);
    }

    @Override
    public float snrm2(int p0, float[] p1, int p2, int p3) {
        return fallback.snrm2(p0, p1, p2, p3);
    }

    @Override
    public void drot(int p0, double[] p1, int p2, double[] p3, int p4, double p5, double p6) {
        drot(p0, p1, 0, p2, p3, 0, p4, p5, p6);
    }

    @Override
    public void drot(int p0, double[] p1, int p2, int p3, double[] p4, int p5, int p6, double p7, double p8) {
        fallback.drot(p0, p1, p2, p3, p4, p5, p6, p7, p8);
    }

    @Override
    public void srot(int p0, float[] p1, int p2, float[] p3, int p4, float p5, float p6) {
        srot(p0, p1, 0, p2, p3, 0, p4, p5, p6);
    }

    @Override
    public void srot(int p0, float[] p1, int p2, int p3, float[] p4, int p5, int p6, float p7, float p8) {
        fallback.srot(p0, p1, p2, p3, p4, p5, p6, p7, p8);
    }

    @Override
    public void drotg(org.netlib.util.doubleW p0, org.netlib.util.doubleW p1, org.netlib.util.doubleW p2, org.netlib.util.doubleW p3) {
        fallback.drotg(p0, p1, p2, p3);
    }

    @Override
    public void srotg(org.netlib.util.floatW p0, org.netlib.util.floatW p1, org.netlib.util.floatW p2, org.netlib.util.floatW p3) {
        fallback.srotg(p0, p1, p2, p3);
    }

    @Override
    public void drotm(int p0, double[] p1, int p2, double[] p3, int p4, double[] p5) {
        drotm(p0, p1, 0, p2, p3, 0, p4, p5, 0);
    }

    @Override
    public void drotm(int p0, double[] p1, int p2, int p3, double[] p4, int p5, int p6, double[] p7, int p8) {
        fallback.drotm(p0, p1, p2, p3, p4, p5, p6, p7, p8);
    }

    @Override
    public void srotm(int p0, float[] p1, int p2, float[] p3, int p4, float[] p5) {
        srotm(p0, p1, 0, p2, p3, 0, p4, p5, 0);
    }

    @Override
    public void srotm(int p0, float[] p1, int p2, int p3, float[] p4, int p5, int p6, float[] p7, int p8) {
        fallback.srotm(p0, p1, p2, p3, p4, p5, p6, p7, p8);
    }

    @Override
    public void drotmg(org.netlib.util.doubleW p0, org.netlib.util.doubleW p1, org.netlib.util.doubleW p2, double p3, double[] p4) {
        drotmg(p0, p1, p2, p3, p4, 0);
    }

    @Override
    public void drotmg(org.netlib.util.doubleW p0, org.netlib.util.doubleW p1, org.netlib.util.doubleW p2, double p3, double[] p4, int p5) {
        fallback.drotmg(p0, p1, p2, p3, p4, p5);
    }

    @Override
    public void srotmg(org.netlib.util.floatW p0, org.netlib.util.floatW p1, org.netlib.util.floatW p2, float p3, float[] p4) {
        srotmg(p0, p1, p2, p3, p4, 0);
    }

    @Override
    public void srotmg(org.netlib.util.floatW p0, org.netlib.util.floatW p1, org.netlib.util.floatW p2, float p3, float[] p4, int p5) {
        fallback.srotmg(p0, p1, p2, p3, p4, p5);
    }

    @Override
    public void dsbmv(String p0, int p1, int p2, double p3, double[] p4, int p5, double[] p6, int p7, double p8, double[] p9, int p10) {
        dsbmv(p0, p1, p2, p3, p4, 0, p5, p6, 0, p7, p8, p9, 0, p10);
    }

    @Override
    public void dsbmv(String p0, int p1, int p2, double p3, double[] p4, int p5, int p6, double[] p7, int p8, int p9, double p10, double[] p11, int p12, int p13) {
        fallback.dsbmv(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13);
    }

    @Override
    public void ssbmv(String p0, int p1, int p2, float p3, float[] p4, int p5, float[] p6, int p7, float p8, float[] p9, int p10) {
        ssbmv(p0, p1, p2, p3, p4, 0, p5, p6, 0, p7, p8, p9, 0, p10);
    }

    @Override
    public void ssbmv(String p0, int p1, int p2, float p3, float[] p4, int p5, int p6, float[] p7, int p8, int p9, float p10, float[] p11, int p12, int p13) {
        fallback.ssbmv(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13);
    }

    @Override
    public void dscal(int p0, double p1, double[] p2, int p3) {
        dscal(p0, p1, p2, 0, p3);
    }

    @Override
    public void dscal(int p0, double p1, double[] p2, int p3, int p4) {
        fallback.dscal(p0, p1, p2, p3, p4);
    }

    @Override
    public void sscal(int p0, float p1, float[] p2, int p3) {
        sscal(p0, p1, p2, 0, p3);
    }

    @Override
    public void sscal(int p0, float p1, float[] p2, int p3, int p4) {
        fallback.sscal(p0, p1, p2, p3, p4);
    }

    @Override
    public void dspmv(String p0, int p1, double p2, double[] p3, double[] p4, int p5, double p6, double[] p7, int p8) {
        dspmv(p0, p1, p2, p3, 0, p4, 0, p5, p6, p7, 0, p8);
    }

    @Override
    public void dspmv(String p0, int p1, double p2, double[] p3, int p4, double[] p5, int p6, int p7, double p8, double[] p9, int p10, int p11) {
        fallback.dspmv(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11);
    }

    @Override
    public void sspmv(String p0, int p1, float p2, float[] p3, float[] p4, int p5, float p6, float[] p7, int p8) {
        sspmv(p0, p1, p2, p3, 0, p4, 0, p5, p6, p7, 0, p8);
    }

    @Override
    public void sspmv(String p0, int p1, float p2, float[] p3, int p4, float[] p5, int p6, int p7, float p8, float[] p9, int p10, int p11) {
        fallback.sspmv(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11);
    }

    @Override
    public void dspr(String p0, int p1, double p2, double[] p3, int p4, double[] p5) {
        dspr(p0, p1, p2, p3, 0, p4, p5, 0);
    }

    @Override
    public void dspr(String p0, int p1, double p2, double[] p3, int p4, int p5, double[] p6, int p7) {
        fallback.dspr(p0, p1, p2, p3, p4, p5, p6, p7);
    }

    @Override
    public void sspr(String p0, int p1, float p2, float[] p3, int p4, float[] p5) {
        sspr(p0, p1, p2, p3, 0, p4, p5, 0);
    }

    @Override
    public void sspr(String p0, int p1, float p2, float[] p3, int p4, int p5, float[] p6, int p7) {
        fallback.sspr(p0, p1, p2, p3, p4, p5, p6, p7);
    }

    @Override
    public void dspr2(String p0, int p1, double p2, double[] p3, int p4, double[] p5, int p6, double[] p7) {
        dspr2(p0, p1, p2, p3, 0, p4, p5, 0, p6, p7, 0);
    }

    @Override
    public void dspr2(String p0, int p1, double p2, double[] p3, int p4, int p5, double[] p6, int p7, int p8, double[] p9, int p10) {
        fallback.dspr2(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10);
    }

    @Override
    public void sspr2(String p0, int p1, float p2, float[] p3, int p4, float[] p5, int p6, float[] p7) {
        sspr2(p0, p1, p2, p3, 0, p4, p5, 0, p6, p7, 0);
    }

    @Override
    public void sspr2(String p0, int p1, float p2, float[] p3, int p4, int p5, float[] p6, int p7, int p8, float[] p9, int p10) {
        fallback.sspr2(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10);
    }

    @Override
    public void dswap(int p0, double[] p1, int p2, double[] p3, int p4) {
        dswap(p0, p1, 0, p2, p3, 0, p4);
    }

    @Override
    public void dswap(int p0, double[] p1, int p2, int p3, double[] p4, int p5, int p6) {
        fallback.dswap(p0, p1, p2, p3, p4, p5, p6);
    }

    @Override
    public void sswap(int p0, float[] p1, int p2, float[] p3, int p4) {
        sswap(p0, p1, 0, p2, p3, 0, p4);
    }

    @Override
    public void sswap(int p0, float[] p1, int p2, int p3, float[] p4, int p5, int p6) {
        fallback.sswap(p0, p1, p2, p3, p4, p5, p6);
    }

    @Override
    public void dsymm(String p0, String p1, int p2, int p3, double p4, double[] p5, int p6, double[] p7, int p8, double p9, double[] p10, int p11) {
        dsymm(p0, p1, p2, p3, p4, p5, 0, p6, p7, 0, p8, p9, p10, 0, p11);
    }

    @Override
    public void dsymm(String p0, String p1, int p2, int p3, double p4, double[] p5, int p6, int p7, double[] p8, int p9, int p10, double p11, double[] p12, int p13, int p14) {
        fallback.dsymm(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14);
    }

    @Override
    public void ssymm(String p0, String p1, int p2, int p3, float p4, float[] p5, int p6, float[] p7, int p8, float p9, float[] p10, int p11) {
        ssymm(p0, p1, p2, p3, p4, p5, 0, p6, p7, 0, p8, p9, p10, 0, p11);
    }

    @Override
    public void ssymm(String p0, String p1, int p2, int p3, float p4, float[] p5, int p6, int p7, float[] p8, int p9, int p10, float p11, float[] p12, int p13, int p14) {
        fallback.ssymm(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14);
    }

    @Override
    public void dsymv(String p0, int p1, double p2, double[] p3, int p4, double[] p5, int p6, double p7, double[] p8, int p9) {
        dsymv(p0, p1, p2, p3, 0, p4, p5, 0, p6, p7, p8, 0, p9);
    }

    @Override
    public void dsymv(String p0, int p1, double p2, double[] p3, int p4, int p5, double[] p6, int p7, int p8, double p9, double[] p10, int p11, int p12) {
        fallback.dsymv(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12);
    }

    @Override
    public void ssymv(String p0, int p1, float p2, float[] p3, int p4, float[] p5, int p6, float p7, float[] p8, int p9) {
        ssymv(p0, p1, p2, p3, 0, p4, p5, 0, p6, p7, p8, 0, p9);
    }

    @Override
    public void ssymv(String p0, int p1, float p2, float[] p3, int p4, int p5, float[] p6, int p7, int p8, float p9, float[] p10, int p11, int p12) {
        fallback.ssymv(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12);
    }

    @Override
    public void dsyr(String p0, int p1, double p2, double[] p3, int p4, double[] p5, int p6) {
        dsyr(p0, p1, p2, p3, 0, p4, p5, 0, p6);
    }

    @Override
    public void dsyr(String p0, int p1, double p2, double[] p3, int p4, int p5, double[] p6, int p7, int p8) {
        fallback.dsyr(p0, p1, p2, p3, p4, p5, p6, p7, p8);
    }

    @Override
    public void ssyr(String p0, int p1, float p2, float[] p3, int p4, float[] p5, int p6) {
        ssyr(p0, p1, p2, p3, 0, p4, p5, 0, p6);
    }

    @Override
    public void ssyr(String p0, int p1, float p2, float[] p3, int p4, int p5, float[] p6, int p7, int p8) {
        fallback.ssyr(p0, p1, p2, p3, p4, p5, p6, p7, p8);
    }

    @Override
    public void dsyr2(String p0, int p1, double p2, double[] p3, int p4, double[] p5, int p6, double[] p7, int p8) {
        dsyr2(p0, p1, p2, p3, 0, p4, p5, 0, p6, p7, 0, p8);
    }

    @Override
    public void dsyr2(String p0, int p1, double p2, double[] p3, int p4, int p5, double[] p6, int p7, int p8, double[] p9, int p10, int p11) {
        fallback.dsyr2(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11);
    }

    @Override
    public void ssyr2(String p0, int p1, float p2, float[] p3, int p4, float[] p5, int p6, float[] p7, int p8) {
        ssyr2(p0, p1, p2, p3, 0, p4, p5, 0, p6, p7, 0, p8);
    }

    @Override
    public void ssyr2(String p0, int p1, float p2, float[] p3, int p4, int p5, float[] p6, int p7, int p8, float[] p9, int p10, int p11) {
        fallback.ssyr2(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11);
    }

    @Override
    public void dsyr2k(String p0, String p1, int p2, int p3, double p4, double[] p5, int p6, double[] p7, int p8, double p9, double[] p10, int p11) {
        dsyr2k(p0, p1, p2, p3, p4, p5, 0, p6, p7, 0, p8, p9, p10, 0, p11);
    }

    @Override
    public void dsyr2k(String p0, String p1, int p2, int p3, double p4, double[] p5, int p6, int p7, double[] p8, int p9, int p10, double p11, double[] p12, int p13, int p14) {
        fallback.dsyr2k(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14);
    }

    @Override
    public void ssyr2k(String p0, String p1, int p2, int p3, float p4, float[] p5, int p6, float[] p7, int p8, float p9, float[] p10, int p11) {
        ssyr2k(p0, p1, p2, p3, p4, p5, 0, p6, p7, 0, p8, p9, p10, 0, p11);
    }

    @Override
    public void ssyr2k(String p0, String p1, int p2, int p3, float p4, float[] p5, int p6, int p7, float[] p8, int p9, int p10, float p11, float[] p12, int p13, int p14) {
        fallback.ssyr2k(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14);
    }

    @Override
    public void dsyrk(String p0, String p1, int p2, int p3, double p4, double[] p5, int p6, double p7, double[] p8, int p9) {
        dsyrk(p0, p1, p2, p3, p4, p5, 0, p6, p7, p8, 0, p9);
    }

    @Override
    public void dsyrk(String p0, String p1, int p2, int p3, double p4, double[] p5, int p6, int p7, double p8, double[] p9, int p10, int p11) {
        fallback.dsyrk(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11);
    }

    @Override
    public void ssyrk(String p0, String p1, int p2, int p3, float p4, float[] p5, int p6, float p7, float[] p8, int p9) {
        ssyrk(p0, p1, p2, p3, p4, p5, 0, p6, p7, p8, 0, p9);
    }

    @Override
    public void ssyrk(String p0, String p1, int p2, int p3, float p4, float[] p5, int p6, int p7, float p8, float[] p9, int p10, int p11) {
        fallback.ssyrk(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11);
    }

    @Override
    public void dtbmv(String p0, String p1, String p2, int p3, int p4, double[] p5, int p6, double[] p7, int p8) {
        dtbmv(p0, p1, p2, p3, p4, p5, 0, p6, p7, 0, p8);
    }

    @Override
    public void dtbmv(String p0, String p1, String p2, int p3, int p4, double[] p5, int p6, int p7, double[] p8, int p9, int p10) {
        fallback.dtbmv(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10);
    }

    @Override
    public void stbmv(String p0, String p1, String p2, int p3, int p4, float[] p5, int p6, float[] p7, int p8) {
        stbmv(p0, p1, p2, p3, p4, p5, 0, p6, p7, 0, p8);
    }

    @Override
    public void stbmv(String p0, String p1, String p2, int p3, int p4, float[] p5, int p6, int p7, float[] p8, int p9, int p10) {
        fallback.stbmv(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10);
    }

    @Override
    public void dtbsv(String p0, String p1, String p2, int p3, int p4, double[] p5, int p6, double[] p7, int p8) {
        dtbsv(p0, p1, p2, p3, p4, p5, 0, p6, p7, 0, p8);
    }

    @Override
    public void dtbsv(String p0, String p1, String p2, int p3, int p4, double[] p5, int p6, int p7, double[] p8, int p9, int p10) {
        fallback.dtbsv(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10);
    }

    @Override
    public void stbsv(String p0, String p1, String p2, int p3, int p4, float[] p5, int p6, float[] p7, int p8) {
        stbsv(p0, p1, p2, p3, p4, p5, 0, p6, p7, 0, p8);
    }

    @Override
    public void stbsv(String p0, String p1, String p2, int p3, int p4, float[] p5, int p6, int p7, float[] p8, int p9, int p10) {
        fallback.stbsv(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10);
    }

    @Override
    public void dtpmv(String p0, String p1, String p2, int p3, double[] p4, double[] p5, int p6) {
        dtpmv(p0, p1, p2, p3, p4, 0, p5, 0, p6);
    }

    @Override
    public void dtpmv(String p0, String p1, String p2, int p3, double[] p4, int p5, double[] p6, int p7, int p8) {
        fallback.dtpmv(p0, p1, p2, p3, p4, p5, p6, p7, p8);
    }

    @Override
    public void stpmv(String p0, String p1, String p2, int p3, float[] p4, float[] p5, int p6) {
        stpmv(p0, p1, p2, p3, p4, 0, p5, 0, p6);
    }

    @Override
    public void stpmv(String p0, String p1, String p2, int p3, float[] p4, int p5, float[] p6, int p7, int p8) {
        fallback.stpmv(p0, p1, p2, p3, p4, p5, p6, p7, p8);
    }

    @Override
    public void dtpsv(String p0, String p1, String p2, int p3, double[] p4, double[] p5, int p6) {
        dtpsv(p0, p1, p2, p3, p4, 0, p5, 0, p6);
    }

    @Override
    public void dtpsv(String p0, String p1, String p2, int p3, double[] p4, int p5, double[] p6, int p7, int p8) {
        fallback.dtpsv(p0, p1, p2, p3, p4, p5, p6, p7, p8);
    }

    @Override
    public void stpsv(String p0, String p1, String p2, int p3, float[] p4, float[] p5, int p6) {
        stpsv(p0, p1, p2, p3, p4, 0, p5, 0, p6);
    }

    @Override
    public void stpsv(String p0, String p1, String p2, int p3, float[] p4, int p5, float[] p6, int p7, int p8) {
        fallback.stpsv(p0, p1, p2, p3, p4, p5, p6, p7, p8);
    }

    @Override
    public void dtrmm(String p0, String p1, String p2, String p3, int p4, int p5, double p6, double[] p7, int p8, double[] p9, int p10) {
        dtrmm(p0, p1, p2, p3, p4, p5, p6, p7, 0, p8, p9, 0, p10);
    }

    @Override
    public void dtrmm(String p0, String p1, String p2, String p3, int p4, int p5, double p6, double[] p7, int p8, int p9, double[] p10, int p11, int p12) {
        fallback.dtrmm(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12);
    }

    @Override
    public void strmm(String p0, String p1, String p2, String p3, int p4, int p5, float p6, float[] p7, int p8, float[] p9, int p10) {
        strmm(p0, p1, p2, p3, p4, p5, p6, p7, 0, p8, p9, 0, p10);
    }

    @Override
    public void strmm(String p0, String p1, String p2, String p3, int p4, int p5, float p6, float[] p7, int p8, int p9, float[] p10, int p11, int p12) {
        fallback.strmm(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12);
    }

    @Override
    public void dtrmv(String p0, String p1, String p2, int p3, double[] p4, int p5, double[] p6, int p7) {
        dtrmv(p0, p1, p2, p3, p4, 0, p5, p6, 0, p7);
    }

    @Override
    public void dtrmv(String p0, String p1, String p2, int p3, double[] p4, int p5, int p6, double[] p7, int p8, int p9) {
        fallback.dtrmv(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9);
    }

    @Override
    public void strmv(String p0, String p1, String p2, int p3, float[] p4, int p5, float[] p6, int p7) {
        strmv(p0, p1, p2, p3, p4, 0, p5, p6, 0, p7);
    }

    @Override
    public void strmv(String p0, String p1, String p2, int p3, float[] p4, int p5, int p6, float[] p7, int p8, int p9) {
        fallback.strmv(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9);
    }

    @Override
    public void dtrsm(String p0, String p1, String p2, String p3, int p4, int p5, double p6, double[] p7, int p8, double[] p9, int p10) {
        dtrsm(p0, p1, p2, p3, p4, p5, p6, p7, 0, p8, p9, 0, p10);
    }

    @Override
    public void dtrsm(String p0, String p1, String p2, String p3, int p4, int p5, double p6, double[] p7, int p8, int p9, double[] p10, int p11, int p12) {
        fallback.dtrsm(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12);
    }

    @Override
    public void strsm(String p0, String p1, String p2, String p3, int p4, int p5, float p6, float[] p7, int p8, float[] p9, int p10) {
        strsm(p0, p1, p2, p3, p4, p5, p6, p7, 0, p8, p9, 0, p10);
    }

    @Override
    public void strsm(String p0, String p1, String p2, String p3, int p4, int p5, float p6, float[] p7, int p8, int p9, float[] p10, int p11, int p12) {
        fallback.strsm(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12);
    }

    @Override
    public void dtrsv(String p0, String p1, String p2, int p3, double[] p4, int p5, double[] p6, int p7) {
        dtrsv(p0, p1, p2, p3, p4, 0, p5, p6, 0, p7);
    }

    @Override
    public void dtrsv(String p0, String p1, String p2, int p3, double[] p4, int p5, int p6, double[] p7, int p8, int p9) {
        fallback.dtrsv(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9);
    }

    @Override
    public void strsv(String p0, String p1, String p2, int p3, float[] p4, int p5, float[] p6, int p7) {
        strsv(p0, p1, p2, p3, p4, 0, p5, p6, 0, p7);
    }

    @Override
    public void strsv(String p0, String p1, String p2, int p3, float[] p4, int p5, int p6, float[] p7, int p8, int p9) {
        fallback.strsv(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9);
    }

    @Override
    public int idamax(int p0, double[] p1, int p2) {
        return idamax(p0, p1, 0, p2);
    }

    @Override
    public int idamax(int p0, double[] p1, int p2, int p3) {
        return fallback.idamax(p0, p1, p2, p3);
    }

    @Override
    public int isamax(int p0, float[] p1, int p2) {
        return isamax(p0, p1, 0, p2);
    }

    @Override
    public int isamax(int p0, float[] p1, int p2, int p3) {
        return fallback.isamax(p0, p1, p2, p3);
    }

    @Override
    public boolean lsame(String p0, String p1) {
        return fallback.lsame(p0, p1);
    }
}
