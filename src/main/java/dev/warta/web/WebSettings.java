package dev.warta.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code warta.web.*} in every mode, not only when the web app runs: the job and the other commands read the
 * same configuration file, and the check for mistyped settings must know these names there too.
 */
@Configuration
@EnableConfigurationProperties(WebProperties.class)
class WebSettings {
}
