package dev.pel.bench.workload;

/** A kernel returned a result outside the tolerance of the float64 reference: it must not be timed. */
public final class WrongResultException extends RuntimeException {
    public WrongResultException(String message) {
        super(message);
    }
}
