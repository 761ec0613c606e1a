package dev.pel.bench.peers;

import dev.pel.bench.workload.BenchKernel;
import dev.pel.bench.workload.KernelCall;
import dev.pel.bench.workload.Operands;
import dev.pel.runtime.DType;
import java.util.Optional;

/**
 * Another way a user could compute a kernel on the JVM, measured beside Pel in the same run. A peer
 * implements only what its library really has: {@link #supports} is false for the rest, and the
 * sweep leaves those rows out rather than fake them.
 */
public interface Peer {

    /** Stable name used by {@code --peers} and, prefixed with {@code peer:}, in the CSV. */
    String name();

    /** Empty when the peer can run here; otherwise why it cannot. */
    Optional<String> unavailableReason();

    /** One line for {@code pel devices}: the implementation that runs. */
    String details();

    boolean supports(BenchKernel kernel, DType dtype);

    /**
     * The call of {@code kernel} on {@code in}.
     *
     * @throws IllegalArgumentException if {@link #supports} is false for it
     */
    KernelCall bind(BenchKernel kernel, Operands in);
}
