package dev.pel.runtime.opencl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Compiled program binaries on disk, so a new JVM does not pay the OpenCL compiler again. The key
 * hashes the device, its driver and platform versions, the build options and the source. Each
 * file carries a magic line and the SHA-256 of the binary; a file that fails either check, or a
 * binary the driver rejects, is deleted and rebuilt from source. Writes are atomic (temp + move),
 * so concurrent JVMs never read half a file.
 */
final class ProgramCache {
    private static final byte[] MAGIC = "PEL-CL-BINARY-1\n".getBytes(StandardCharsets.US_ASCII);
    private static final System.Logger LOG = System.getLogger("dev.pel.runtime.opencl");

    private final Path dir;

    ProgramCache(Path cacheRoot) {
        this.dir = cacheRoot.resolve("opencl");
    }

    Path dir() {
        return dir;
    }

    static String sha256(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(p.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    Path file(String key) {
        return dir.resolve(key + ".bin");
    }

    /** The binary for key, if a valid entry exists; a corrupt entry is deleted. */
    Optional<byte[]> load(String key) {
        Path f = file(key);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            byte[] all = Files.readAllBytes(f);
            int header = MAGIC.length + 32;
            if (all.length <= header || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                discard(f, "bad header");
                return Optional.empty();
            }
            byte[] binary = Arrays.copyOfRange(all, header, all.length);
            if (!Arrays.equals(sha256(binary), Arrays.copyOfRange(all, MAGIC.length, header))) {
                discard(f, "checksum mismatch");
                return Optional.empty();
            }
            return Optional.of(binary);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read program cache entry {0}: {1}", f, e.toString());
            return Optional.empty();
        }
    }

    void store(String key, byte[] binary) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 32 + binary.length);
            out.put(MAGIC).put(sha256(binary)).put(binary);
            Files.write(tmp, out.array());
            try {
                Files.move(tmp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // A read-only or full cache directory costs a rebuild next time, nothing else.
            LOG.log(System.Logger.Level.WARNING, "cannot write program cache entry under {0}: {1}", dir, e.toString());
        }
    }

    void discard(Path f, String why) {
        LOG.log(System.Logger.Level.WARNING, "discarding program cache entry {0}: {1}", f, why);
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete {0}: {1}", f, e.toString());
        }
    }
}
