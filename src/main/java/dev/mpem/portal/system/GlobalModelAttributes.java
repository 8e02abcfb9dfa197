package dev.mpem.portal.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.model.Mpem;

/** Every page can name levels, dimensions and outcomes: the model is read once and kept. */
@ControllerAdvice(annotations = Controller.class)
class GlobalModelAttributes {

    private final ModelService modelService;

    GlobalModelAttributes(ModelService modelService) {
        this.modelService = modelService;
    }

    @ModelAttribute("mpem")
    Mpem mpem() {
        return modelService.model();
    }
}
