package dev.pel.runtime.dispatch;

import dev.pel.runtime.DType;
import dev.pel.runtime.spi.Backend;
import java.util.List;

/**
 * Picks a backend and a thread count for one call among the candidates that implement the kernel.
 * One interface, so the first threshold rule can be replaced by a learned cost model.
 */
public interface Dispatcher {

    /**
     * @param kernel     the kernel's description
     * @param dtype      element type
     * @param n          elements
     * @param candidates available backends implementing the kernel, never empty
     */
    Decision decide(KernelSpec kernel, DType dtype, long n, List<Backend> candidates);

    /** One line per candidate for {@code pel explain}: what the rule would do and why. */
    List<String> explain(KernelSpec kernel, DType dtype, long n, List<Backend> candidates);
}
