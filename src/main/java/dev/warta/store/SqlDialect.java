package dev.warta.store;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.DatabaseMetaData;
import java.util.Locale;

/**
 * The few places where Warta's SQL differs between its two databases: sequences, upserts, full-text search and the
 * run lock. Everything else is written once, in SQL both accept.
 */
public enum SqlDialect {

    H2,
    POSTGRESQL;

    /** The dialect of the database behind {@code jdbc}; only H2 and PostgreSQL are supported. */
    public static SqlDialect of(JdbcTemplate jdbc) {
        String product = jdbc.execute((java.sql.Connection connection) -> {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName();
        });
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("h2")) {
            return H2;
        }
        throw new IllegalStateException("Warta supports H2 and PostgreSQL, not " + product
                + " (set --spring.datasource.url=jdbc:postgresql://HOST:PORT/DB or jdbc:h2:file:PATH)");
    }

    String nextValue(String sequence) {
        return this == POSTGRESQL ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
    }

    /**
     * An insert that replaces the row with the same key instead of failing: one statement, so two threads or two
     * processes writing the same key cannot turn it into a duplicate-key error.
     */
    String upsert(String table, String key, String... columns) {
        String columnList = key + ", " + String.join(", ", columns);
        String placeholders = "?" + ", ?".repeat(columns.length);
        if (this == H2) {
            return "MERGE INTO " + table + " (" + columnList + ") KEY (" + key + ") VALUES (" + placeholders + ")";
        }
        StringBuilder updates = new StringBuilder();
        for (String column : columns) {
            updates.append(updates.isEmpty() ? "" : ", ").append(column).append(" = EXCLUDED.").append(column);
        }
        return "INSERT INTO " + table + " (" + columnList + ") VALUES (" + placeholders + ") ON CONFLICT (" + key
                + ") DO UPDATE SET " + updates;
    }
}
