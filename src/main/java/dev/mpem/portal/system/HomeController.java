package dev.mpem.portal.system;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.mpem.portal.model.ModelService;

@Controller
class HomeController {

    private final ModelService modelService;

    HomeController(ModelService modelService) {
        this.modelService = modelService;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("mpem", modelService.model());
        return "system/home";
    }
}
