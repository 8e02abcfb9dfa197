package dev.mpem.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import dev.mpem.portal.security.SessionStoreConfiguration.BoundedFlashMaps;

/**
 * A client that posts forms without following the redirects keeps at most ten messages in its
 * session, the newest; a browser that follows them still gets each message on the next page.
 */
class BoundedFlashMapsTests {

    static final String STORED = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

    final BoundedFlashMaps flashMaps = new BoundedFlashMaps();
    final MockHttpSession session = new MockHttpSession();

    MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setSession(session);
        return request;
    }

    void saveMessage(int number) {
        FlashMap message = new FlashMap();
        message.put("success", "Saved " + number);
        message.setTargetRequestPath("/assessments/" + number);
        flashMaps.saveOutputFlashMap(message, request("/assessments/" + number), new MockHttpServletResponse());
    }

    @Test
    void postsThatNeverFollowTheirRedirectKeepOnlyTheTenNewestMessages() {
        for (int number = 1; number <= 30; number++) {
            saveMessage(number);
        }

        List<?> stored = (List<?>) session.getAttribute(STORED);
        assertThat(stored).hasSize(BoundedFlashMaps.KEPT);
        Map<String, Object> latest = flashMaps.retrieveAndUpdate(request("/assessments/30"), new MockHttpServletResponse());
        assertThat(latest).containsEntry("success", "Saved 30");
        Map<String, Object> dropped = flashMaps.retrieveAndUpdate(request("/assessments/5"), new MockHttpServletResponse());
        assertThat(dropped).isNull();
        assertThat((List<?>) session.getAttribute(STORED))
                .hasSize(BoundedFlashMaps.KEPT - 1);
    }
}
