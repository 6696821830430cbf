package dev.warta.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where results go on disk, {@code <output>/<run date>/<article id>.json}, and how they get there: written to a
 * temporary file in the same folder and renamed, so a reader (or a crash) never sees half a file.
 */
public final class OutputFiles {

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
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
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

    public static void writeAtomically(Path target, String content) {
        moveIntoPlace(writeTemporary(target, content), target);
    }
}
