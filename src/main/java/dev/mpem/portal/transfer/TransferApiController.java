package dev.mpem.portal.transfer;

import java.util.Map;

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

    @GetMapping("/api/admin/export")
    Map<String, Object> export(@RequestParam(name = "passwordHashes", defaultValue = "false") boolean passwordHashes) {
        return transfer.export(passwordHashes);
    }

    /** The body is the export file, read as a stream (its size limit is portal.limits.import-body). */
    @PostMapping("/api/admin/import")
    TransferService.ImportSummary importAll(jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
        return transfer.importAll(request.getInputStream());
    }
}
