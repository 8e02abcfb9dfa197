package dev.mpem.portal.shared;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;

/** How a file a page offers is named when it is downloaded. */
public final class Downloads {

    private Downloads() {
    }

    /** A Content-Disposition for a download named {@code name}, with characters no file system takes replaced. */
    public static String attachment(String name) {
        return ContentDisposition.attachment().filename(name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_"),
                StandardCharsets.UTF_8).build().toString();
    }
}
