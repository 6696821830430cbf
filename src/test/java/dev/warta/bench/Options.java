package dev.warta.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of the bench commands: {@code --name value} or {@code --name=value}, each with a default. */
final class Options {

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /** Every option must be one of {@code defaults}' keys, so a typo fails instead of being ignored. */
    static Options parse(String[] args, Map<String, String> defaults) {
        Map<String, String> values = new HashMap<>(defaults);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw usage("unexpected argument '" + arg + "'", defaults);
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw usage("option --" + name + " needs a value", defaults);
            }
            if (!defaults.containsKey(name)) {
                throw usage("unknown option --" + name, defaults);
            }
            values.put(name, value);
        }
        return new Options(values);
    }

    private static IllegalArgumentException usage(String problem, Map<String, String> defaults) {
        StringBuilder known = new StringBuilder();
        defaults.keySet().stream().sorted().forEach(name -> known.append(" --").append(name).append(' ')
                .append(defaults.get(name).isEmpty() ? "…" : defaults.get(name)));
        return new IllegalArgumentException(problem + "; options (with defaults):" + known);
    }

    String text(String name) {
        return values.get(name);
    }

    int integer(String name) {
        try {
            return Integer.parseInt(values.get(name).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + values.get(name) + "'");
        }
    }

    /** A comma-separated list of whole numbers, such as {@code --articles 100,500}. */
    List<Integer> integers(String name) {
        List<Integer> list = new ArrayList<>();
        for (String part : values.get(name).split(",")) {
            try {
                list.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be whole numbers separated by commas, was '"
                        + values.get(name) + "'");
            }
        }
        return list;
    }
}
