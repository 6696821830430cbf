package dev.warta.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The database's dialect, detected once from the connection. */
@Configuration
class StoreConfiguration {

    @Bean
    SqlDialect sqlDialect(JdbcTemplate jdbc) {
        return SqlDialect.of(jdbc);
    }
}
