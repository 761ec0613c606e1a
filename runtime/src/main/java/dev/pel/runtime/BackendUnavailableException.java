package dev.pel.runtime;

/** A backend was named (forced or required) that does not exist or declined on this machine. */
public final class BackendUnavailableException extends PelException {
    public BackendUnavailableException(String message) {
        super(message);
    }
}
