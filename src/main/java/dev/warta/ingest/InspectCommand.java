package dev.warta.ingest;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code warta inspect PATH…}: prints what ingestion makes of each input, one JSON object per line.
 */
public final class InspectCommand {

    private InspectCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        err.println("inspect: not implemented yet");
        return 2;
    }
}
