package dev.warta.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may do what in the web app. Reading is open (on the trusted network the app is bound to) unless
 * {@code warta.web.require-login} is set; reviewing always needs a login with the {@code EDITOR} role. Users come
 * from the configuration with bcrypt-hashed passwords; with no editor configured nobody can edit. Every form
 * carries a CSRF token (Spring Security's default, inserted into each {@code th:action} form), and the pages may
 * load nothing but the app's own stylesheet: no script runs, whatever an article's text holds.
 */
@Configuration
@ConditionalOnWebApplication
@EnableWebSecurity
class WebSecurityConfiguration {

    /** No script, no plugin, no frame, no foreign resource: the pages are server-rendered HTML and one stylesheet. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    SecurityFilterChain newsroom(HttpSecurity http, WebProperties properties) throws Exception {
        if (properties.requireLogin() && properties.users().isEmpty()) {
            throw new IllegalStateException("warta.web.require-login is true but no warta.web.users are configured: "
                    + "nobody could read (see the README, \"The newsroom web app\")");
        }
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers("/warta.css", "/digest.css", "/login", "/error").permitAll();
            requests.requestMatchers("/review", "/review/**").hasRole(WebProperties.EDITOR);
            if (properties.requireLogin()) {
                requests.anyRequest().authenticated();
            } else {
                requests.anyRequest().permitAll();
            }
        });
        http.formLogin(login -> login.loginPage("/login").successHandler(afterLogin()).permitAll());
        // feed readers and scripts cannot fill in a form: when reading needs a login, they give it with each request
        http.httpBasic(Customizer.withDefaults());
        http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy
                                .SAME_ORIGIN)));
        return http.build();
    }

    /** Back to the page that asked for the login; otherwise editors to the review queue, readers to today. */
    private static SavedRequestAwareAuthenticationSuccessHandler afterLogin() {
        return new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) {
                boolean editor = authentication.getAuthorities().stream()
                        .anyMatch(a -> ("ROLE_" + WebProperties.EDITOR).equals(a.getAuthority()));
                return editor ? "/review" : "/";
            }
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService newsroomUsers(WebProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        for (int i = 0; i < properties.users().size(); i++) {
            WebProperties.User user = properties.users().get(i);
            if (user.name() == null || user.name().isBlank()) {
                throw new IllegalStateException("warta.web.users[" + i + "].name is missing");
            }
            users.add(User.withUsername(user.name()).password(bcrypt(user, i))
                    .roles(user.roles().isEmpty() ? new String[]{"READER"} : user.roles().toArray(String[]::new))
                    .build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    /** The stored form of a configured password: a bcrypt hash, never a plain password. */
    private static String bcrypt(WebProperties.User user, int index) {
        String password = user.password() == null ? "" : user.password().strip();
        if (password.startsWith("{bcrypt}$2")) {
            return password;
        }
        if (password.startsWith("$2")) {
            return "{bcrypt}" + password;
        }
        throw new IllegalStateException("warta.web.users[" + index + "].password of '" + user.name()
                + "' is not a bcrypt hash: make one with `java -jar warta.jar hash-password`");
    }
}
