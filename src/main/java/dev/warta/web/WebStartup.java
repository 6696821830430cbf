package dev.warta.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Says where the app listens and who may do what, once, when it starts. */
@Component
@ConditionalOnWebApplication
class WebStartup implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(WebStartup.class);

    private final WebProperties properties;
    private final String address;

    WebStartup(WebProperties properties, @Value("${server.address:}") String address) {
        this.properties = properties;
        this.address = address;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String host = address == null || address.isBlank() ? "localhost" : address;
        log.info("Warta web app at http://{}:{}/ (reading {}; {})", host, event.getWebServer().getPort(),
                properties.requireLogin() ? "needs a login" : "open to whoever reaches this address",
                properties.hasEditor() ? "editors may review"
                        : "no editor account configured: reviewing is off until warta.web.users has one");
    }
}
