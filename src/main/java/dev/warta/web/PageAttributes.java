package dev.warta.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: who is logged in, whether they may review, whether anyone could. */
@ControllerAdvice(assignableTypes = {NewsroomController.class, ReviewController.class, RunsController.class})
@ConditionalOnWebApplication
class PageAttributes {

    private final WebProperties properties;

    PageAttributes(WebProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("user")
    String user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated()
                || "anonymousUser".equals(authentication.getPrincipal()) ? null : authentication.getName();
    }

    @ModelAttribute("editor")
    boolean editor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + WebProperties.EDITOR).equals(a.getAuthority()));
    }

    @ModelAttribute("editingConfigured")
    boolean editingConfigured() {
        return properties.hasEditor();
    }
}
