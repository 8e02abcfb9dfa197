package dev.mpem.portal.transfer;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Export and import over the API, for admins (HTTP Basic). */
@Tag(name = "Data transfer", description = "Export of the whole portal and import into an empty one (admins only).")
@RestController
class TransferApiController {

    private final TransferService transfer;

    TransferApiController(TransferService transfer) {
        this.transfer = transfer;
    }

    /** The export, written to the response as the rows are read (never held in memory whole). */
    @GetMapping("/api/admin/export")
    @Operation(summary = "Export every organisation, assessment, account and audit entry as one JSON document",
            responses = @ApiResponse(responseCode = "200", description = "The export document (format"
                    + " mpem-portal-export): schemaVersion, exportedAt and one array of rows per table under data.",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(type = "object"))))
    void export(@RequestParam(name = "passwordHashes", defaultValue = "false") boolean passwordHashes,
            HttpServletResponse response) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        transfer.export(passwordHashes, response.getOutputStream());
    }

    /** The body is the export file, read as a stream (its size limit is portal.limits.import-body). */
    @PostMapping("/api/admin/import")
    @Operation(summary = "Import an export into an empty portal",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "A document written by GET /api/admin/export.",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"))))
    TransferService.ImportSummary importAll(jakarta.servlet.http.HttpServletRequest request) throws IOException {
        return transfer.importAll(request.getInputStream());
    }
}
