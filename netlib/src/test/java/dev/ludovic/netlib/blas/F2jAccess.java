package dev.ludovic.netlib.blas;

/** Test access to netlib's F2J reference ({@code F2jBLAS} is package-private in netlib). */
public final class F2jAccess {
    private F2jAccess() {
    }

    public static BLAS f2j() {
        return F2jBLAS.getInstance();
    }
}
