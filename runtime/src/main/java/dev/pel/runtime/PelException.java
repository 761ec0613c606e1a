package dev.pel.runtime;

/** Base of the runtime's own failures (bad configuration, unavailable backends, strict-mode fallbacks). */
public class PelException extends RuntimeException {
    public PelException(String message) {
        super(message);
    }

    public PelException(String message, Throwable cause) {
        super(message, cause);
    }
}
