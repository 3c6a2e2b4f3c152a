package app.kadr.element;

import app.kadr.account.CurrentUser;
import app.kadr.shared.Page;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The element library: create and list in a project, read, edit (each edit a new version), trash and restore. */
@RestController
@RequestMapping("/api/v1")
class ElementApi {

    private final ElementService elements;

    ElementApi(ElementService elements) {
        this.elements = elements;
    }

    @PostMapping("/projects/{projectId}/elements")
    @ResponseStatus(HttpStatus.CREATED)
    Element create(CurrentUser me, @PathVariable UUID projectId, @RequestBody ElementChange body) {
        return elements.create(me.id(), projectId, body);
    }

    @GetMapping("/projects/{projectId}/elements")
    Page<Element> list(CurrentUser me, @PathVariable UUID projectId) {
        return new Page<>(elements.list(me.id(), projectId), null);
    }

    @GetMapping("/elements/{elementId}")
    Element get(CurrentUser me, @PathVariable UUID elementId) {
        return elements.get(me.id(), elementId);
    }

    @GetMapping("/elements/{elementId}/versions")
    Page<Element> versions(CurrentUser me, @PathVariable UUID elementId) {
        return new Page<>(elements.versions(me.id(), elementId), null);
    }

    @PatchMapping("/elements/{elementId}")
    Element update(CurrentUser me, @PathVariable UUID elementId, @RequestBody ElementChange body) {
        return elements.update(me.id(), elementId, body);
    }

    @DeleteMapping("/elements/{elementId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser me, @PathVariable UUID elementId) {
        elements.moveToTrash(me.id(), elementId);
    }

    @PostMapping("/elements/{elementId}/restore")
    Element restore(CurrentUser me, @PathVariable UUID elementId) {
        return elements.restore(me.id(), elementId);
    }
}
