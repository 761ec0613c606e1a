package dev.pel.bench.peers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pel.bench.workload.BenchKernel;
import dev.pel.bench.workload.KernelCall;
import dev.pel.bench.workload.Operands;
import dev.pel.runtime.DType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every peer computes every kernel it claims the same as the float64 reference, at odd and even sizes. */
class PeersAgreeWithReferenceTest {
    private static final long SEED = 20261125;

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Peer p : Peers.all()) {
            for (BenchKernel k : BenchKernel.values()) {
                for (DType t : DType.values()) {
                    out.add(Arguments.of(Named.of(p.name(), p), k, t));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void agrees(Peer peer, BenchKernel kernel, DType dtype) {
        assumeTrue(peer.unavailableReason().isEmpty(), () -> peer.name() + ": " + peer.unavailableReason().orElse(""));
        assumeTrue(peer.supports(kernel, dtype), () -> peer.name() + " has no " + kernel.label());
        for (int n : new int[] {1, 7, 1000, 1003, 4099}) {
            Operands in = Operands.generate(dtype, n, SEED);
            KernelCall call = peer.bind(kernel, in);
            kernel.verify(in, call.call(), peer.name()); // throws with index, inputs and seed on a mismatch
        }
    }

    @Test
    void netlibReportsTheVectorImplementationWhenTheModuleIsPresent() {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        NetlibVectorPeer netlib = new NetlibVectorPeer();
        assertTrue(netlib.unavailableReason().isEmpty(), netlib::details);
        assertTrue(netlib.implementation().endsWith("VectorBLAS"), netlib::implementation);
    }

    @Test
    void aPeerRefusesAKernelItLacks() {
        NetlibVectorPeer netlib = new NetlibVectorPeer();
        Operands in = Operands.generate(DType.F32, 8, SEED);
        assertThrows(IllegalArgumentException.class, () -> netlib.bind(BenchKernel.SUM, in));
    }

    @Test
    void unknownPeerNamesTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Peers.byName("numpy"));
        assertTrue(e.getMessage().contains("java-loop"), e.getMessage());
    }
}
