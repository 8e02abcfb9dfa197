package dev.mpem.portal.model;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ModelController {

    private final ModelService modelService;

    ModelController(ModelService modelService) {
        this.modelService = modelService;
    }

    @GetMapping("/model")
    String model(Model model) {
        model.addAttribute("mpem", modelService.model());
        return "model/model";
    }
}
