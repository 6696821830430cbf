package dev.warta.web;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar warta.jar hash-password}: reads a password from the first line of standard input and prints its
 * bcrypt hash, the form in which a newsroom puts its users' passwords into the configuration
 * ({@code warta.web.users[0].password}). The password itself is never stored or printed.
 */
public final class PasswordHashCommand {

    private PasswordHashCommand() {
    }

    public static int run(InputStream in, PrintStream out, PrintStream err) {
        try {
            String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (password == null || password.isBlank()) {
                err.println("warta: give the password on standard input, e.g. "
                        + "read -s P && printf '%s\\n' \"$P\" | java -jar warta.jar hash-password");
                return 2;
            }
            if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
                err.println("warta: a password may have at most 72 bytes (bcrypt ignores the rest)");
                return 2;
            }
            out.println("{bcrypt}" + new BCryptPasswordEncoder(12).encode(password));
            return 0;
        } catch (IOException e) {
            err.println("warta: cannot read the password: " + e.getMessage());
            return 2;
        }
    }
}
