package app.almanac.facts;

import static app.almanac.web.Pages.page;

import app.almanac.shared.NotFoundException;
import app.almanac.shared.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Editors' forms for the facts on an entity's page: add, edit, delete, undo. Editors only (the
 * security configuration guards {@code /facts/*}{@code /facts/**} and {@code /facts/*}{@code /changes/**});
 * a fact or change is only reached through an entity it belongs to.
 */
@Controller
class FactEditController {

    private final FactsService facts;
    private final FactEdits edits;

    FactEditController(FactsService facts, FactEdits edits) {
        this.facts = facts;
        this.edits = edits;
    }

    @GetMapping("/facts/{entity}/facts/new")
    ModelAndView blank(@PathVariable String entity) {
        Entity e = facts.entity(entity);
        return form(e, null, FactForm.blank(e), null, HttpStatus.OK);
    }

    @PostMapping("/facts/{entity}/facts")
    ModelAndView create(
            @PathVariable String entity, @ModelAttribute FactForm form, @AuthenticationPrincipal SignedInUser editor) {
        Entity e = facts.entity(entity);
        try {
            long id = edits.create(form.toFact(this::slug), editor);
            return saved(e, "added", id);
        } catch (FactEdits.Refused refused) {
            return form(e, null, form, refused);
        }
    }

    @GetMapping("/facts/{entity}/facts/{id}")
    ModelAndView edit(@PathVariable String entity, @PathVariable long id) {
        Entity e = facts.entity(entity);
        FactEdits.Editable editable = belonging(e, id);
        return form(e, id, FactForm.of(editable.fact(), editable.latestChange()), null, HttpStatus.OK);
    }

    @PostMapping("/facts/{entity}/facts/{id}")
    ModelAndView update(
            @PathVariable String entity,
            @PathVariable long id,
            @ModelAttribute FactForm form,
            @AuthenticationPrincipal SignedInUser editor) {
        Entity e = facts.entity(entity);
        belonging(e, id);
        try {
            edits.update(id, form.startedFrom(), form.toFact(this::slug), editor);
            return saved(e, "saved", id);
        } catch (FactEdits.Refused refused) {
            return form(e, id, form, refused);
        }
    }

    @PostMapping("/facts/{entity}/facts/{id}/delete")
    ModelAndView delete(
            @PathVariable String entity,
            @PathVariable long id,
            @ModelAttribute FactForm form,
            @AuthenticationPrincipal SignedInUser editor) {
        Entity e = facts.entity(entity);
        FactEdits.Editable editable = belonging(e, id);
        try {
            edits.delete(id, form.startedFrom(), editor);
            return saved(e, "deleted", id);
        } catch (FactEdits.Refused refused) {
            return form(e, id, FactForm.of(editable.fact(), editable.latestChange()), refused);
        }
    }

    @PostMapping("/facts/{entity}/changes/{change}/undo")
    ModelAndView undo(
            @PathVariable String entity, @PathVariable long change, @AuthenticationPrincipal SignedInUser editor) {
        Entity e = facts.entity(entity);
        if (edits.history(e).stream().noneMatch(c -> c.id() == change)) {
            throw new NotFoundException(
                    "There is no change " + change + " among the recent changes of " + e.name() + ".");
        }
        try {
            edits.undo(change, editor);
            return saved(e, "undone", change);
        } catch (FactEdits.Refused refused) {
            return page(
                    "facts/edit",
                    new FactsPages.Edit(e, null, null, refused.getMessage(), edits.history(e)),
                    refused.conflict ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    /** The fact {@code id}, if it is one of {@code entity}'s (its subject or object); else there is no such page. */
    private FactEdits.Editable belonging(Entity entity, long id) {
        FactEdits.Editable editable = edits.editable(id);
        StoredFact f = editable.fact();
        boolean ours = f.subject().id() == entity.id()
                || (f.object() != null && f.object().id() == entity.id());
        if (!ours) {
            throw new NotFoundException("There is no fact " + id + " about " + entity.name() + ".");
        }
        return editable;
    }

    private String slug(String typed) {
        try {
            return facts.entity(typed).slug();
        } catch (NotFoundException e) {
            return typed; // the check says this entity is unknown, by the name the editor typed
        }
    }

    /** Back to the entity page, which says what was done (from a fixed set: a link cannot make it say anything else). */
    private ModelAndView saved(Entity e, String done, long id) {
        return new ModelAndView("redirect:/facts/" + e.slug() + "?done=" + done + "&id=" + id + "#changes");
    }

    private ModelAndView form(Entity e, Long id, FactForm form, FactEdits.Refused refused) {
        return form(
                e,
                id,
                form,
                refused.getMessage(),
                refused.conflict ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private ModelAndView form(Entity e, Long id, FactForm form, String problem, HttpStatus status) {
        return page("facts/edit", new FactsPages.Edit(e, id, form, problem, null), status);
    }
}
