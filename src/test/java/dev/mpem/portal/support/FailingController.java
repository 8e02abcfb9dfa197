package dev.mpem.portal.support;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A page that fails with an internal detail in its exception, so that tests can check what the
 * portal shows instead (ErrorPageTests). It exists only on the test class path, in every full context.
 */
@Controller
class FailingController {

    @GetMapping("/test/failure")
    String fail() {
        throw new IllegalStateException("secret internal detail");
    }
}
