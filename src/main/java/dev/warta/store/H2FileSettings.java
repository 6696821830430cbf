package dev.warta.store;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Gives every H2 file database Warta opens the settings its guarantees rest on, also when an operator passes a
 * plain {@code --spring.datasource.url=jdbc:h2:file:/var/lib/warta/warta}:
 * <ul>
 *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: on SIGTERM the job finishes its chunk before the database closes; H2's own
 *   shutdown hook would close it under the job;</li>
 *   <li>{@code WRITE_DELAY=0}: a commit is on disk at once, so {@code kill -9} loses nothing committed;</li>
 *   <li>{@code CACHE_SIZE=16384}: a 16 MB page cache. H2's default grows with the database to 64 MB of heap,
 *   which is what took a 20,000-article night over a 160 MB heap; the job reads each row about once.</li>
 *   <li>{@code LOB_TIMEOUT=10000}: H2 keeps every text value (CLOB) a session handed out for this long, 5 minutes
 *   by default; at a fast night's pace (1,300 articles a minute) that is 1.7 million values, 250 MB of heap. Warta
 *   reads each value at once.</li>
 * </ul>
 * Settings already in the URL are left as they are. H2 refuses {@code DB_CLOSE_ON_EXIT=FALSE} together with
 * {@code AUTO_SERVER=TRUE}; an operator who asks for the auto server keeps it, and with it H2's own shutdown.
 */
public class H2FileSettings implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final Map<String, String> REQUIRED = Map.of("DB_CLOSE_ON_EXIT", "FALSE", "WRITE_DELAY", "0",
            "CACHE_SIZE", "16384", "LOB_TIMEOUT", "10000");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String url = environment.getProperty("spring.datasource.url");
        String completed = complete(url);
        if (completed != null && !completed.equals(url)) {
            Map<String, Object> override = new LinkedHashMap<>();
            override.put("spring.datasource.url", completed);
            environment.getPropertySources().addFirst(new MapPropertySource("wartaH2FileSettings", override));
        }
    }

    /** The URL with the required settings added, or the URL unchanged when it is not an H2 file URL. */
    static String complete(String url) {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:file:")) {
            return url;
        }
        StringBuilder completed = new StringBuilder(url);
        String upper = url.toUpperCase(Locale.ROOT);
        boolean autoServer = upper.contains(";AUTO_SERVER=TRUE");
        REQUIRED.forEach((setting, value) -> {
            boolean incompatible = autoServer && setting.equals("DB_CLOSE_ON_EXIT");
            if (!upper.contains(";" + setting + "=") && !incompatible) {
                completed.append(';').append(setting).append('=').append(value);
            }
        });
        return completed.toString();
    }
}
