package dev.warta.job;

import dev.warta.text.EditDistance;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stops the start when a {@code warta.*} setting is given that Warta does not have: on the command line, in the
 * environment ({@code WARTA_*}), as a system property or in a configuration file. A mistyped
 * {@code --warta.llm.concurency=8} would otherwise run as if nothing was said.
 * <p>
 * The known settings are read from the {@code @ConfigurationProperties} classes themselves (their record
 * components, nested records, and maps whose keys are free, such as {@code warta.llm.prices.<model>.input}), so a
 * setting added later is known without anyone remembering to list it.
 */
@Component
class UnknownSettingsCheck {

    static final String PREFIX = "warta";

    /**
     * Variables of {@code jobs/run-nightly.sh}: they reach the process's environment but are the launcher's, not
     * settings.
     */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("WARTA_HOME", "WARTA_JAR", "WARTA_ENV_FILE", "WARTA_LOG");

    UnknownSettingsCheck(ConfigurableEnvironment environment, ConfigurableListableBeanFactory beans) {
        List<String> unknown = unknownSettings(environment, Known.of(settingsClasses(beans)));
        if (!unknown.isEmpty()) {
            throw new UnknownSettingException(String.join("; ", unknown));
        }
    }

    /** A setting Warta does not have was given; the message names it and the closest known one. */
    static class UnknownSettingException extends IllegalStateException {
        UnknownSettingException(String message) {
            super(message);
        }
    }

    /** The {@code @ConfigurationProperties} classes bound under {@code warta}, by their prefix. */
    static Map<String, Class<?>> settingsClasses(ConfigurableListableBeanFactory beans) {
        Map<String, Class<?>> classes = new java.util.TreeMap<>();
        for (String name : beans.getBeanNamesForAnnotation(ConfigurationProperties.class)) {
            Class<?> type = beans.getType(name);
            ConfigurationProperties annotation = type == null ? null
                    : AnnotationUtils.findAnnotation(type, ConfigurationProperties.class);
            if (annotation == null) {
                continue;
            }
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            if (prefix.equals(PREFIX) || prefix.startsWith(PREFIX + ".")) {
                classes.put(prefix, type);
            }
        }
        return classes;
    }

    /** One line per unknown setting, each naming where it came from and the closest known setting. */
    static List<String> unknownSettings(ConfigurableEnvironment environment, Known known) {
        List<String> unknown = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)
                    || "configurationProperties".equals(source.getName())) {
                continue;
            }
            boolean fromEnvironment = source instanceof SystemEnvironmentPropertySource;
            for (String name : enumerable.getPropertyNames()) {
                if (fromEnvironment) {
                    String variable = name.toUpperCase(Locale.ROOT);
                    if (variable.startsWith(PREFIX.toUpperCase(Locale.ROOT) + "_")
                            && !LAUNCHER_VARIABLES.contains(variable) && !known.includesVariable(variable)) {
                        unknown.add("unknown setting " + name + " (environment variable); did you mean "
                                + known.closestVariable(variable) + "?");
                    }
                } else if (name.toLowerCase(Locale.ROOT).startsWith(PREFIX + ".")) {
                    ConfigurationPropertyName property = ConfigurationPropertyName.ofIfValid(name);
                    if (property == null) {
                        property = ConfigurationPropertyName.adapt(name, '.');
                    }
                    if (!known.includes(property)) {
                        unknown.add("unknown setting " + name + " (" + where(source) + "); did you mean "
                                + known.closest(name) + "?");
                    }
                }
            }
        }
        return List.copyOf(new LinkedHashSet<>(unknown));
    }

    private static String where(PropertySource<?> source) {
        return switch (source.getName()) {
            case "commandLineArgs" -> "command line";
            case "systemProperties" -> "system property";
            default -> source.getName().contains("application") ? "configuration file" : source.getName();
        };
    }

    /** The settings that exist: leaves, and prefixes under which any key is allowed (maps, lists). */
    record Known(List<ConfigurationPropertyName> leaves, List<ConfigurationPropertyName> open) {

        static Known of(Map<String, Class<?>> classes) {
            List<ConfigurationPropertyName> leaves = new ArrayList<>();
            List<ConfigurationPropertyName> open = new ArrayList<>();
            classes.forEach((prefix, type) -> collect(prefix, type, leaves, open));
            return new Known(List.copyOf(leaves), List.copyOf(open));
        }

        private static void collect(String prefix, Class<?> type, List<ConfigurationPropertyName> leaves,
                                    List<ConfigurationPropertyName> open) {
            if (!type.isRecord()) {
                // not a shape we can read: allow anything below it rather than refuse a setting that exists
                open.add(ConfigurationPropertyName.of(prefix));
                return;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                String name = prefix + "." + dashed(component.getName());
                Class<?> valueType = component.getType();
                if (Map.class.isAssignableFrom(valueType) || Collection.class.isAssignableFrom(valueType)
                        || valueType.isArray()) {
                    open.add(ConfigurationPropertyName.of(name));
                } else if (valueType.isRecord()) {
                    collect(name, valueType, leaves, open);
                } else {
                    leaves.add(ConfigurationPropertyName.of(name));
                }
            }
        }

        boolean includes(ConfigurationPropertyName property) {
            if (leaves.contains(property)) {
                return true;
            }
            // a parent of known settings (an empty block in a file) or anything below a map
            return leaves.stream().anyMatch(property::isAncestorOf)
                    || open.stream().anyMatch(prefix -> prefix.equals(property) || prefix.isAncestorOf(property));
        }

        boolean includesVariable(String variable) {
            return leaves.stream().anyMatch(leaf -> variables(leaf).contains(variable))
                    || open.stream().anyMatch(prefix -> variables(prefix).stream()
                    .anyMatch(form -> variable.equals(form) || variable.startsWith(form + "_")));
        }

        String closest(String name) {
            return candidates().stream()
                    .min(Comparator.comparingInt(
                            candidate -> EditDistance.between(name.toLowerCase(Locale.ROOT), candidate)))
                    .orElse("(none)");
        }

        String closestVariable(String variable) {
            return candidates().stream()
                    .min(Comparator.comparingInt(
                            candidate -> EditDistance.between(variable, variables(candidate).get(1))))
                    .map(candidate -> variables(candidate).get(1) + " (" + candidate + ")")
                    .orElse("(none)");
        }

        private List<String> candidates() {
            List<String> all = new ArrayList<>();
            leaves.forEach(leaf -> all.add(leaf.toString()));
            open.forEach(prefix -> all.add(prefix + ".<key>"));
            return all;
        }

        /** Spring's two environment forms of a name: dashes dropped, and dashes as underscores. */
        private static List<String> variables(ConfigurationPropertyName name) {
            return variables(name.toString());
        }

        private static List<String> variables(String dashed) {
            String upper = dashed.replace(".<key>", "").toUpperCase(Locale.ROOT).replace('.', '_');
            return List.of(upper.replace("-", ""), upper.replace('-', '_'));
        }

        private static String dashed(String camelCase) {
            StringBuilder dashed = new StringBuilder();
            for (char c : camelCase.toCharArray()) {
                if (Character.isUpperCase(c)) {
                    dashed.append('-').append(Character.toLowerCase(c));
                } else {
                    dashed.append(c);
                }
            }
            return dashed.toString();
        }

    }
}
