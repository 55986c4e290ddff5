package id.peduli.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Secrets Peduli generates into the data directory (field key, database passwords): a directory only its owner may
 * open ({@code rwx------}) and files only the owner may read ({@code rw-------}). The permissions are given when the
 * file is created, so there is no moment in which another local user could read it; the content appears under its
 * final name in one atomic step.
 */
final class OwnerOnlyFiles {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {}

    /** Creates {@code directory} (and missing parents) owner-only; an existing one is narrowed to its owner. */
    static void directory(Path directory) throws IOException {
        if (!POSIX) {
            Files.createDirectories(directory);
            return;
        }
        if (Files.isDirectory(directory)) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            return;
        }
        if (directory.getParent() != null) {
            Files.createDirectories(directory.getParent());
        }
        Files.createDirectory(
                directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /** Writes {@code content} to {@code file} readable and writable by the owner only, replacing it atomically. */
    static void write(Path file, String content) throws IOException {
        directory(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        FileAttribute<?>[] attributes = POSIX
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
        try (FileChannel channel = FileChannel.open(
                temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        if (!POSIX) {
            temporary.toFile().setReadable(false, false);
            temporary.toFile().setReadable(true, true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Narrows an existing secret file and its directory to their owner (files written by earlier versions). */
    static void narrow(Path file) throws IOException {
        if (POSIX) {
            directory(file.getParent());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /**
     * The data directory holds the database, the keys and uploaded import files: it is created owner-only, and an
     * existing one is narrowed to its owner when possible (a directory of someone else is left alone, with a
     * warning).
     */
    static void dataDirectory(Path directory) {
        try {
            directory(directory);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(OwnerOnlyFiles.class)
                    .warn(
                            "Cannot restrict {} to its owner ({}): other users of this computer may read it",
                            directory,
                            e.toString());
        }
    }
}
