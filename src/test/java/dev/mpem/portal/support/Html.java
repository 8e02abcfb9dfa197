package dev.mpem.portal.support;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/** Reads a rendered page the way a user sees it: its text, not its escaped markup. */
public final class Html {

    private Html() {
    }

    public static Document of(ResultActions actions) {
        return of(actions.andReturn());
    }

    public static Document of(MvcResult result) {
        try {
            return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Document of(String html) {
        return Jsoup.parse(html);
    }

    /** The page's visible text with runs of white space folded to one space. */
    public static String text(Document page) {
        return page.body().text();
    }
}
