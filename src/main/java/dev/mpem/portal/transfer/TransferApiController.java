package dev.mpem.portal.transfer;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Export and import over the API, for admins (HTTP Basic). */
@RestController
class TransferApiController {

    private final TransferService transfer;

    TransferApiController(TransferService transfer) {
        this.transfer = transfer;
    }

    /** The export, written to the response as the rows are read (never held in memory whole). */
    @GetMapping("/api/admin/export")
    void export(@RequestParam(name = "passwordHashes", defaultValue = "false") boolean passwordHashes,
            HttpServletResponse response) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        transfer.export(passwordHashes, response.getOutputStream());
    }

    /** The body is the export file, read as a stream (its size limit is portal.limits.import-body). */
    @PostMapping("/api/admin/import")
    TransferService.ImportSummary importAll(jakarta.servlet.http.HttpServletRequest request) throws IOException {
        return transfer.importAll(request.getInputStream());
    }
}
