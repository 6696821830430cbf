package dev.warta.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the input files of a run: every entry under a folder that is not a folder, recursively, in a stable (sorted
 * path) order, so that two runs over the same folder see the same items in the same order. Hidden files are
 * ignored. Links, named pipes, sockets and devices are listed too, so that {@link #check} can reject each with its
 * reason instead of skipping it silently.
 */
public final class InputFiles {

    private InputFiles() {
    }

    public static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("input folder does not exist or is not a folder: " + folder);
        }
        // not following links: a link to a folder or a loop of links is listed as itself, and rejected by check()
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(path -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
                    .filter(path -> !isHidden(folder.relativize(path)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list input folder " + folder, e);
        }
    }

    /**
     * What may be read for an input: the regular file it is, or leads to by links, or why it must not be read.
     *
     * @param file     the input as listed or named
     * @param readable the real path of the regular file to read, or null when refused
     * @param refusal  why nothing is read, or null
     */
    public record Checked(Path file, Path readable, String refusal) {
    }

    /**
     * Checks an input before anything opens it: opening a named pipe blocks, reading a device never ends, and a
     * link may lead out of the input folder to a file that must never be published.
     *
     * @param folder the input folder the file must stay inside once every link is resolved; null for none (an
     *               input named on the command line by the operator)
     */
    public static Checked check(Path file, Path folder) {
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return refused(file, "file does not exist");
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            return refused(file, "symbolic link to a missing file (" + linkText(file) + "): not read");
        } catch (FileSystemException e) {
            return refused(file, "symbolic link that cannot be resolved (" + reasonOf(e) + "): not read");
        } catch (IOException e) {
            return refused(file, "cannot resolve the file's path: " + e.getMessage());
        }
        if (folder != null) {
            Path realFolder;
            try {
                realFolder = folder.toRealPath();
            } catch (IOException e) {
                return refused(file, "the input folder cannot be resolved: " + e.getMessage());
            }
            if (!real.startsWith(realFolder)) {
                return refused(file, own.isSymbolicLink()
                        ? "symbolic link to a file outside the input folder (" + linkText(file) + "): not read"
                        : "outside the input folder: not read");
            }
        }
        BasicFileAttributes target;
        try {
            target = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (IOException e) {
            return refused(file, "cannot read the file's attributes: " + e.getMessage());
        }
        if (target.isRegularFile()) {
            return new Checked(file, real, null);
        }
        String link = own.isSymbolicLink() ? "symbolic link to " : "";
        if (target.isDirectory()) {
            return refused(file, link + "a folder: links to folders are not followed");
        }
        return refused(file, link + specialKind(real) + ": not a regular file, not read");
    }

    private static Checked refused(Path file, String reason) {
        return new Checked(file, null, reason);
    }

    /** What kind of special file it is, from the Unix file mode where the platform has one. */
    private static String specialKind(Path real) {
        try {
            int mode = (Integer) Files.getAttribute(real, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0140000 -> "a socket";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a device, named pipe or socket";
        }
    }

    private static String linkText(Path file) {
        try {
            return "-> " + Files.readSymbolicLink(file);
        } catch (IOException | UnsupportedOperationException e) {
            return "not a link";
        }
    }

    private static String reasonOf(FileSystemException e) {
        String reason = e.getReason();
        return reason == null ? e.getClass().getSimpleName() : reason.toLowerCase(java.util.Locale.ROOT);
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
