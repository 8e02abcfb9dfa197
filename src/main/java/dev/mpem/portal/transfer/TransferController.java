package dev.mpem.portal.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.core.JacksonException;

import dev.mpem.portal.shared.ConflictException;
import dev.mpem.portal.shared.Flash;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.NotTextException;
import dev.mpem.portal.shared.Words;

/** Admins move all data out of the portal and into an empty one (for example from H2 to PostgreSQL). */
@Controller
class TransferController {

    private final TransferService transfer;
    TransferController(TransferService transfer) {
        this.transfer = transfer;
    }

    @GetMapping("/admin/data")
    String page() {
        return "transfer/data";
    }

    /** The export as a download, written as the rows are read (never held in memory whole). */
    @GetMapping("/admin/data/export.json")
    void export(@RequestParam(name = "passwordHashes", defaultValue = "false") boolean passwordHashes,
            HttpServletResponse response) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("mpem-portal-export-" + java.time.LocalDate.now() + ".json", StandardCharsets.UTF_8)
                .build().toString());
        transfer.export(passwordHashes, response.getOutputStream());
    }

    @PostMapping("/admin/data/import")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            return problem(model, response, HttpStatus.BAD_REQUEST, Words.say("transfer.choose"));
        }
        try {
            TransferService.ImportSummary summary;
            try (var in = file.getInputStream()) {
                summary = transfer.importAll(in);
            }
            Flash.success(redirect, imported(summary));
            return "redirect:/admin/data";
        }
        catch (NotTextException e) {
            return problem(model, response, HttpStatus.BAD_REQUEST, e.explain("The file"));
        }
        catch (JacksonException | IOException e) {
            return problem(model, response, HttpStatus.BAD_REQUEST, Words.say("transfer.invalid"));
        }
        catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems().stream().map(p -> p.message()).toList());
            return problem(model, response, HttpStatus.BAD_REQUEST, Words.say(e.problems().size() == 1
                    ? "transfer.nothing" : "transfer.nothing.problems"));
        }
        catch (ConflictException e) {
            return problem(model, response, HttpStatus.CONFLICT, e.getMessage());
        }
    }

    /** "Imported 31 organisations, 95 assessments and 990 ratings." and the accounts that need a new password. */
    static String imported(TransferService.ImportSummary summary) {
        List<String> parts = summary.imported().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> Words.say("transfer.count." + e.getKey(), e.getValue())).toList();
        String what = parts.isEmpty() ? Words.say("transfer.imported.none") : Words.say("transfer.imported",
                parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0, parts.size() - 1))
                        + Words.say("transfer.and") + parts.get(parts.size() - 1));
        List<String> reset = summary.accountsNeedingPasswordReset();
        return reset.isEmpty() ? what : what + " " + Words.say("transfer.imported.reset", String.join(", ", reset));
    }

    private static String problem(Model model, HttpServletResponse response, HttpStatus status, String message) {
        model.addAttribute("problem", message);
        response.setStatus(status.value());
        return "transfer/data";
    }
}
