package dev.warta.offline;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code warta translate --engine offline}: translates Indonesian lines from standard input, one English line out
 * per line in.
 */
public final class TranslateCommand {

    private TranslateCommand() {
    }

    public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        err.println("translate: not implemented yet");
        return 2;
    }
}
