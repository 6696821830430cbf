package dev.warta.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Where results go on disk, {@code <output>/<run date>/<article id>.json}, and how they get there: written to a
 * temporary file in the same folder and renamed, so a reader (or a crash) never sees half a file. Files and folders
 * get the permissions the operator's umask gives (0644 and 0755 with the usual 022): they are for other people to
 * read.
 */
public final class OutputFiles {

    private static final String TEMPORARY = ".tmp";

    private final Path root;

    public OutputFiles(Path root) {
        this.root = root;
    }

    public Path dayFolder(String runDate) {
        return root.resolve(runDate);
    }

    public Path articleFile(String runDate, String id) {
        return dayFolder(runDate).resolve(id + ".json");
    }

    /** Writes {@code content} to a temporary file beside {@code target} and returns the temporary file. */
    public static Path writeTemporary(Path target, String content) {
        try {
            Files.createDirectories(target.getParent());
            // Not Files.createTempFile: it makes the file owner-only (0600) whatever the umask says.
            Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + TEMPORARY);
            Files.writeString(temporary, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            return temporary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Renames a file written by {@link #writeTemporary} into place, replacing an older version atomically. */
    public static void moveIntoPlace(Path temporary, Path target) {
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + temporary + " to " + target, e);
        }
    }

    /** Writes the file atomically; when that fails, no temporary file is left behind and the target is unchanged. */
    public static void writeAtomically(Path target, String content) {
        Path temporary = writeTemporary(target, content);
        try {
            moveIntoPlace(temporary, target);
        } catch (UncheckedIOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanupFailed) {
                e.addSuppressed(cleanupFailed);
            }
            throw e;
        }
    }

    /**
     * Removes the temporary files that a killed export left in a day folder. Only the holder of the run lock
     * calls it, so no temporary file of a live writer is removed.
     *
     * @return how many were removed
     */
    public int removeLeftovers(String runDate) {
        Path folder = dayFolder(runDate);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, ".*" + TEMPORARY)) {
            for (Path leftover : leftovers) {
                removed += Files.deleteIfExists(leftover) ? 1 : 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up temporary files in " + folder, e);
        }
        return removed;
    }
}
