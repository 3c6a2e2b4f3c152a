package app.kadr.film;

import app.kadr.account.CurrentUser;
import app.kadr.project.ProjectService;
import app.kadr.shared.KadrException;
import app.kadr.storage.BlobStore;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ExportApi {

    private final ExportService exports;
    private final ProjectService projects;
    private final BlobStore blobs;

    ExportApi(ExportService exports, ProjectService projects, BlobStore blobs) {
        this.exports = exports;
        this.projects = projects;
        this.blobs = blobs;
    }

    @PostMapping("/projects/{projectId}/exports")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Export order(CurrentUser me, @PathVariable UUID projectId, @RequestBody ExportService.Order order) {
        return exports.order(me.id(), projectId, order);
    }

    @GetMapping("/projects/{projectId}/exports")
    List<Export> list(CurrentUser me, @PathVariable UUID projectId) {
        return exports.ofProject(me.id(), projectId);
    }

    @GetMapping("/exports/{exportId}")
    Export get(CurrentUser me, @PathVariable UUID exportId) {
        return exports.get(me.id(), exportId);
    }

    @GetMapping("/exports/{exportId}/file")
    ResponseEntity<Resource> file(CurrentUser me, @PathVariable UUID exportId) throws IOException {
        Export export = exports.get(me.id(), exportId);
        String key = exports.fileKey(me.id(), exportId);
        String name = export.fileName(projects.get(me.id(), export.projectId()).name());
        try {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(
                            Export.ANIMATIC.equals(export.kind()) ? "video/mp4" : "application/zip"))
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename(name)
                                    .build()
                                    .toString())
                    .body(blobs.resource(key));
        } catch (NoSuchFileException gone) {
            throw KadrException.notFound();
        }
    }

    @DeleteMapping("/exports/{exportId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser me, @PathVariable UUID exportId) {
        exports.delete(me.id(), exportId);
    }
}
