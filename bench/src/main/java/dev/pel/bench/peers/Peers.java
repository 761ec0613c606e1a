package dev.pel.bench.peers;

import dev.pel.bench.workload.BenchKernel;
import dev.pel.runtime.DType;
import java.util.List;
import java.util.stream.Collectors;

/** Every peer the sweep knows, in the order they are reported. */
public final class Peers {
    private Peers() {
    }

    /** New instances of every peer (netlib picks its implementation when first asked). */
    public static List<Peer> all() {
        return List.of(new JavaLoopPeer(), new NetlibVectorPeer(), new EjmlPeer());
    }

    /**
     * The peer called {@code name}.
     *
     * @throws IllegalArgumentException naming the peers that exist
     */
    public static Peer byName(String name) {
        for (Peer p : all()) {
            if (p.name().equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("peer: unknown peer '" + name + "'; known: " + names());
    }

    public static String names() {
        return all().stream().map(Peer::name).collect(Collectors.joining(", "));
    }

    static IllegalArgumentException unsupported(Peer peer, BenchKernel kernel, DType dtype) {
        return new IllegalArgumentException("peer " + peer.name() + " has no " + kernel.label() + " for " + dtype.label());
    }
}
