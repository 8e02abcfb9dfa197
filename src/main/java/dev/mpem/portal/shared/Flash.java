package dev.mpem.portal.shared;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A message shown once on the page a successful form post redirects to (kept in the session, hence serializable). */
public record Flash(String kind, String message) implements java.io.Serializable {

    public static void success(RedirectAttributes attributes, String message) {
        attributes.addFlashAttribute("flash", new Flash("success", message));
    }

    public static void error(RedirectAttributes attributes, String message) {
        attributes.addFlashAttribute("flash", new Flash("error", message));
    }

    public static void info(RedirectAttributes attributes, String message) {
        attributes.addFlashAttribute("flash", new Flash("info", message));
    }
}
