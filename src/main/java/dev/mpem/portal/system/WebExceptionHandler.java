package dev.mpem.portal.system;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import dev.mpem.portal.account.CurrentUser;
import dev.mpem.portal.shared.NotFoundException;

/** Pages: a missing record or a malformed id in the address shows the portal's 404 page. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class WebExceptionHandler {

    private final CurrentUser currentUser;

    WebExceptionHandler(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return notFoundPage(e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e) throws MethodArgumentTypeMismatchException {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return notFoundPage(null);
        }
        throw e;
    }

    /** The page of an exception handler gets no @ModelAttribute of the advice: the header's name and links are added here. */
    private ModelAndView notFoundPage(String message) {
        ModelAndView page = new ModelAndView("error/404", HttpStatus.NOT_FOUND);
        page.addObject("notFound", message);
        page.addObject("currentUserName", currentUser.displayName());
        page.addObject("viewer", Viewer.of(currentUser));
        return page;
    }
}
