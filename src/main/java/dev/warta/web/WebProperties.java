package dev.warta.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Locale;

/**
 * Settings of the web app, bound from {@code warta.web.*}.
 *
 * @param requireLogin reading needs a login too (any configured user); by default reading is open to whoever
 *                     reaches the app (it binds to 127.0.0.1 unless {@code server.address} says otherwise)
 * @param users        who may log in: name, bcrypt hash of the password ({@code java -jar warta.jar hash-password})
 *                     and roles ({@code EDITOR} may review; {@code READER} may read when a login is required)
 * @param publicUrl    the app's address as subscribers reach it ({@code https://warta.newsroom.example}), for the
 *                     links in the Atom feed; blank uses the address of the request
 * @param pageSize     results per page of the search and the API
 */
@ConfigurationProperties("warta.web")
public record WebProperties(
        @DefaultValue("false") boolean requireLogin,
        @DefaultValue List<User> users,
        String publicUrl,
        @DefaultValue("20") int pageSize) {

    public static final String EDITOR = "EDITOR";

    public WebProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** Whether some user may review: until one is configured, editing is impossible. */
    public boolean hasEditor() {
        return users.stream().anyMatch(User::editor);
    }

    /**
     * @param name     login name
     * @param password bcrypt hash, {@code {bcrypt}$2a$…} or {@code $2a$…}; a plain password is refused at start
     * @param roles    {@code EDITOR}, {@code READER}
     */
    public record User(String name, String password, @DefaultValue List<String> roles) {

        public User {
            roles = roles == null ? List.of() : roles.stream().map(r -> r.strip().toUpperCase(Locale.ROOT)).toList();
        }

        boolean editor() {
            return roles.contains(EDITOR);
        }
    }
}
