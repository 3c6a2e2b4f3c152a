package app.kadr.film;

import app.kadr.account.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.xml.stream.XMLStreamException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cut for an editing system: the timelines alone (a few kilobytes, made in memory) and the hand-off ZIP with
 * the originals, streamed as it is written.
 */
@RestController
class TimelineApi {

    private final Cuts cuts;
    private final Handoff handoff;

    TimelineApi(Cuts cuts, Handoff handoff) {
        this.cuts = cuts;
        this.handoff = handoff;
    }

    @GetMapping("/api/v1/projects/{projectId}/timeline.edl")
    ResponseEntity<byte[]> edl(CurrentUser me, @PathVariable UUID projectId) throws Exception {
        Cut cut = cuts.of(me.id(), projectId);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            Edl.write(cut, out);
        }
        return file(bytes, cut, "edl", new MediaType("text", "plain", StandardCharsets.UTF_8));
    }

    @GetMapping("/api/v1/projects/{projectId}/timeline.fcpxml")
    ResponseEntity<byte[]> fcpxml(CurrentUser me, @PathVariable UUID projectId) throws Exception {
        Cut cut = cuts.of(me.id(), projectId);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            Fcpxml.write(cut, out);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing the FCPXML failed", e);
        }
        return file(bytes, cut, "fcpxml", MediaType.APPLICATION_XML);
    }

    @GetMapping("/api/v1/projects/{projectId}/timeline.otio")
    ResponseEntity<byte[]> otio(CurrentUser me, @PathVariable UUID projectId) {
        Cut cut = cuts.of(me.id(), projectId);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Otio.write(cut, bytes);
        return file(bytes, cut, "otio", MediaType.APPLICATION_JSON);
    }

    /**
     * Everything an editor needs in one download. Access is checked and the cut read before the first byte; the
     * ZIP is then written on this request's thread straight into the response (an async body would be dispatched
     * again through the security filters, which know no token by then).
     */
    @GetMapping("/api/v1/projects/{projectId}/handoff.zip")
    void zip(CurrentUser me, @PathVariable UUID projectId, HttpServletResponse response) throws IOException {
        Cut cut = cuts.of(me.id(), projectId);
        String base = HandoffNames.safe(cut.name());
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(base + ".zip"));
        handoff.write(cut, base, response.getOutputStream());
    }

    private static ResponseEntity<byte[]> file(ByteArrayOutputStream bytes, Cut cut, String extension, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(HandoffNames.safe(cut.name()) + "." + extension))
                .body(bytes.toByteArray());
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name).build().toString();
    }
}
