package dev.warta.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the input files of a run: every regular file under a folder, recursively, in a stable (sorted path) order,
 * so that two runs over the same folder see the same items in the same order. Hidden files are ignored.
 */
public final class InputFiles {

    private InputFiles() {
    }

    public static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("input folder does not exist or is not a folder: " + folder);
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> !isHidden(folder.relativize(path)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list input folder " + folder, e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
