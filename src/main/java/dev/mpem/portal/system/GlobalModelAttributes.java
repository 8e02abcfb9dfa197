package dev.mpem.portal.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.model.Mpem;
import dev.mpem.portal.account.CurrentUser;

/** Every page can name levels, dimensions and outcomes (the model is read once and kept) and the user. */
@ControllerAdvice(annotations = Controller.class)
class GlobalModelAttributes {

    private final ModelService modelService;
    private final CurrentUser currentUser;

    GlobalModelAttributes(ModelService modelService, CurrentUser currentUser) {
        this.modelService = modelService;
        this.currentUser = currentUser;
    }

    @ModelAttribute("currentUserName")
    String currentUserName() {
        return currentUser.displayName();
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        return Viewer.of(currentUser);
    }

    @ModelAttribute("mpem")
    Mpem mpem() {
        return modelService.model();
    }
}
