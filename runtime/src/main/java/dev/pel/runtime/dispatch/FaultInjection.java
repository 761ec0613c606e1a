package dev.pel.runtime.dispatch;

import dev.pel.runtime.spi.Backend;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A test hook: makes a backend fail a chosen call, so tests can show that a failure is survived
 * (the call completes elsewhere, the fallback is counted) or reported (strict mode, a forced
 * backend). Disarmed, it costs one read of a volatile field per call.
 */
public final class FaultInjection {
    private record Armed(Backend backend, AtomicLong countdown, Supplier<? extends RuntimeException> failure, boolean repeat) {
    }

    private static volatile Armed armed;

    private FaultInjection() {
    }

    /**
     * From now, the {@code k}-th call on {@code backend} (1 = the next) throws {@code failure.get()}
     * before it runs; with {@code repeat}, so does every call after it until {@link #clear()}.
     */
    public static void failOnCall(Backend backend, long k, Supplier<? extends RuntimeException> failure, boolean repeat) {
        if (k < 1) {
            throw new IllegalArgumentException("k: must be >= 1, was " + k);
        }
        armed = new Armed(backend, new AtomicLong(k), failure, repeat);
    }

    public static void clear() {
        armed = null;
    }

    /** Called before each kernel runs on {@code backend}; throws when the hook says so. */
    public static void check(Backend backend) {
        Armed a = armed;
        if (a != null && a.backend() == backend) {
            long left = a.countdown().decrementAndGet();
            if (left == 0 || (left < 0 && a.repeat())) {
                throw a.failure().get();
            }
        }
    }
}
