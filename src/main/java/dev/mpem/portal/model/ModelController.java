package dev.mpem.portal.model;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ModelController {

    @GetMapping("/model")
    String model() {
        return "model/model";
    }
}
