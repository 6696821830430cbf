package dev.warta.web;

import dev.warta.digest.DigestView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The digest's stylesheet is served as {@code /digest.css}: the day page shows articles with the digest's own
 * fragment ({@code templates/digest/article.html}), so it styles them the same way.
 */
@Configuration
@ConditionalOnWebApplication
class WebMvcSettings implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/digest.css").addResourceLocations("classpath:/digest/");
    }

    /** The helper the shared article fragment asks, as the digest export hands it over. */
    static DigestView digestView() {
        return DigestView.INSTANCE;
    }
}
