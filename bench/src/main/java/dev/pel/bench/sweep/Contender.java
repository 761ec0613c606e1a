package dev.pel.bench.sweep;

import dev.pel.bench.peers.Peer;
import dev.pel.bench.workload.Accuracy;
import dev.pel.bench.workload.BenchKernel;
import dev.pel.bench.workload.KernelCall;
import dev.pel.bench.workload.Operands;
import dev.pel.bench.workload.PelCalls;
import dev.pel.bench.workload.ResidentOperands;
import dev.pel.bench.workload.Workload;
import dev.pel.kernels.KernelSets;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.spi.Backend;

/** One column of a sweep: a Pel backend (forced, or {@code auto}) or a peer library. */
public sealed interface Contender {

    /** The CSV {@code backend} column: a backend name, {@code auto}, or {@code peer:<name>}. */
    String label();

    boolean supports(BenchKernel kernel, DType dtype);

    /** True when this contender runs the workload at this type. */
    boolean supports(Workload workload, DType dtype);

    /** The call on a workload's operands (only where {@link #supports(Workload, DType)}). */
    KernelCall bind(Workload.Instance instance);

    /** The call on the heap arrays of {@code in}. */
    KernelCall bind(BenchKernel kernel, Operands in);

    /** The CSV {@code chosen} column, read right after this contender's last call. */
    String chosen();

    /** What the implementation that made the last call promises for exp and sigmoid. */
    Accuracy accuracy();

    /** Pel through {@code runtime}: a view forcing one backend, or one with backend {@code auto}. */
    record Pel(String label, PelRuntime runtime) implements Contender {
        /** Every BenchKernel is a foundation kernel: a backend has all of them or none (KernelSets says which). */
        @Override
        public boolean supports(BenchKernel kernel, DType dtype) {
            return runtime.forcedBackend().map(b -> KernelSets.supports(b, dtype)).orElse(true);
        }

        @Override
        public KernelCall bind(BenchKernel kernel, Operands in) {
            return PelCalls.bind(kernel, in, runtime);
        }

        /**
         * A forced backend runs the workloads its kernel family implements; auto runs those some backend
         * of the runtime implements (not, e.g., an integer kernel at f64, which no backend has).
         */
        @Override
        public boolean supports(Workload workload, DType dtype) {
            return runtime.forcedBackend().map(b -> workload.supports(b, dtype))
                    .orElseGet(() -> runtime.backends().values().stream().anyMatch(b -> workload.supports(b, dtype)));
        }

        @Override
        public KernelCall bind(Workload.Instance instance) {
            return instance.bind(runtime);
        }

        /** The call on the off-heap arrays of {@code r}. */
        public KernelCall bind(BenchKernel kernel, ResidentOperands r) {
            return PelCalls.bind(kernel, r, runtime);
        }

        /** The backend that ran the last call (what auto picked), from the runtime's own record. */
        @Override
        public String chosen() {
            return lastCall().backend();
        }

        /** The backend object that ran the last call. */
        public Backend ranOn() {
            String name = chosen();
            return runtime.backend(name).orElseThrow(() -> new IllegalStateException("the runtime recorded a call on "
                    + name + ", which it does not have"));
        }

        @Override
        public Accuracy accuracy() {
            return Accuracy.of(ranOn());
        }

        /** Threads the last call used, for the progress line. */
        public int lastThreads() {
            CallRecord last = PelRuntime.lastCall();
            return last == null ? 0 : last.threads();
        }

        private static CallRecord lastCall() {
            CallRecord last = PelRuntime.lastCall();
            if (last == null) {
                throw new IllegalStateException("no Pel call was recorded on this thread");
            }
            return last;
        }
    }

    /** A peer library, reported as {@code peer:<name>}. */
    record PeerLibrary(Peer peer) implements Contender {
        @Override
        public String label() {
            return "peer:" + peer.name();
        }

        @Override
        public boolean supports(BenchKernel kernel, DType dtype) {
            return peer.supports(kernel, dtype);
        }

        @Override
        public KernelCall bind(BenchKernel kernel, Operands in) {
            return peer.bind(kernel, in);
        }

        @Override
        public boolean supports(Workload workload, DType dtype) {
            return workload.peers().contains(peer.name());
        }

        @Override
        public KernelCall bind(Workload.Instance instance) {
            return instance.bindPeer(peer.name()).orElseThrow(() -> new IllegalStateException(peer.name() + " has no such kernel"));
        }

        @Override
        public String chosen() {
            return peer.name();
        }

        /** Peers compute exp with {@link Math#exp}, within the host allowance. */
        @Override
        public Accuracy accuracy() {
            return Accuracy.HOST;
        }
    }

    /** A peer library only some workloads have (e.g. OpenBLAS for gemm), reported as {@code peer:<name>}. */
    record WorkloadPeer(String name) implements Contender {
        @Override
        public String label() {
            return "peer:" + name;
        }

        @Override
        public boolean supports(BenchKernel kernel, DType dtype) {
            return false;
        }

        @Override
        public KernelCall bind(BenchKernel kernel, Operands in) {
            throw new IllegalStateException(name + " has no vector kernels");
        }

        @Override
        public boolean supports(Workload workload, DType dtype) {
            return workload.peers().contains(name);
        }

        @Override
        public KernelCall bind(Workload.Instance instance) {
            return instance.bindPeer(name).orElseThrow(() -> new IllegalStateException(name + " has no such kernel"));
        }

        @Override
        public String chosen() {
            return name;
        }

        @Override
        public Accuracy accuracy() {
            return Accuracy.HOST;
        }
    }
}
