package dev.pel.runtime;

/**
 * A backend was named (forced or required) that does not exist or declined on this machine, or a
 * call cannot run anywhere it is allowed to (strict mode, a failed device holding the only copy).
 */
public final class BackendUnavailableException extends PelException {
    public BackendUnavailableException(String message) {
        super(message);
    }

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
