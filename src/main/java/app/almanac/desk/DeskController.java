package app.almanac.desk;

import static app.almanac.web.Pages.page;

import app.almanac.article.Article;
import app.almanac.article.ArticleContent;
import app.almanac.article.ArticlePage;
import app.almanac.article.Editorial;
import app.almanac.article.EditorialException;
import app.almanac.article.EditorialService;
import app.almanac.article.ForbiddenMoveException;
import app.almanac.article.Question;
import app.almanac.article.StaleRevisionException;
import app.almanac.article.Status;
import app.almanac.shared.SiteProperties;
import java.security.Principal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The editorial desk's pages. Every page works without JavaScript; with it, htmx refreshes the
 * preview as the editor types. Nothing an editor typed is ever thrown away: a refused save shows
 * the same text again with the reasons (and, for a conflict, the other version beside it).
 */
@Controller
class DeskController {

    static final int LIST_SIZE = 50;

    private final EditorialService editorial;
    private final DeskService desk;
    private final ZoneId zone;

    private final app.almanac.facts.ContentFacts facts;

    DeskController(
            EditorialService editorial, DeskService desk, SiteProperties site, app.almanac.facts.ContentFacts facts) {
        this.facts = facts;
        this.editorial = editorial;
        this.desk = desk;
        this.zone = site.timeZone();
    }

    @GetMapping("/desk")
    ModelAndView home(@RequestParam(required = false) Integer created) {
        Map<Status, List<Editorial>> lists = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            lists.put(s, editorial.byStatus(s, LIST_SIZE));
        }
        String notice = created == null ? null : created + " drafts were made from the pasted text.";
        return page("desk/home", new DeskPages.Home(lists, editorial.counts(), notice, zone), HttpStatus.OK);
    }

    @GetMapping("/desk/new")
    ModelAndView pasteForm() {
        return page("desk/new", new DeskPages.Paste("", List.of(), null), HttpStatus.OK);
    }

    @PostMapping("/desk/new")
    ModelAndView paste(
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "create") String action,
            @RequestParam(defaultValue = "") String confirmed,
            Principal editor) {
        if (text.isBlank()) {
            return page(
                    "desk/new",
                    new DeskPages.Paste(text, List.of(new Problem(0, "Paste the text of an analysis first.")), null),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (text.length() > DeskPages.MAX_TEXT) {
            // the text goes back into the form: the editor splits it, nothing is lost
            return page(
                    "desk/new",
                    new DeskPages.Paste(text, List.of(new Problem(0, tooLong(text))), null),
                    HttpStatus.PAYLOAD_TOO_LARGE);
        }
        java.time.LocalDate day = null;
        if (!date.isBlank()) {
            try {
                day = java.time.LocalDate.parse(date.strip());
            } catch (java.time.format.DateTimeParseException e) {
                return page(
                        "desk/new",
                        new DeskPages.Paste(
                                text,
                                List.of(new Problem(0, "'" + date + "' is not a date such as 2024-02-26.")),
                                null),
                        HttpStatus.UNPROCESSABLE_CONTENT);
            }
        }
        if (action.equals("explain")) {
            // nothing is stored: the editor sees how each line is read before making the drafts
            return page(
                    "desk/new",
                    new DeskPages.Paste(text, date, List.of(), null, Documents.explain(text, day)),
                    HttpStatus.OK);
        }
        Documents.Parsed parsed = Documents.fromPaste(text, day);
        if (!parsed.ok()) {
            return page(
                    "desk/new",
                    new DeskPages.Paste(text, date, parsed.problems(), null, Documents.explain(text, day)),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (!confirmed.equals("yes")) {
            var explained = Documents.explain(text, day);
            if (!explained.sure()) {
                // a parse the reader is unsure of is shown for review first; one click makes the drafts anyway
                return page("desk/new", new DeskPages.Paste(text, date, List.of(), null, explained), HttpStatus.OK);
            }
        }
        try {
            List<Article> created = desk.createDrafts(parsed.articles(), editor.getName());
            return new ModelAndView(
                    created.size() == 1
                            ? "redirect:/desk/articles/" + created.get(0).id()
                            : "redirect:/desk?created=" + created.size());
        } catch (EditorialException e) {
            return page("desk/new", new DeskPages.Paste(text, List.of(), e.getMessage()), HttpStatus.CONFLICT);
        }
    }

    @GetMapping("/desk/articles/{id}")
    ModelAndView edit(@PathVariable long id, @RequestParam(required = false) String saved) {
        Article article = editorial.find(id);
        return editPage(
                article,
                Documents.markdown(article.content()),
                article.revision(),
                preview(article),
                List.of(),
                null,
                saved != null ? "Saved as revision " + article.revision() + "." : null,
                null,
                HttpStatus.OK);
    }

    /**
     * Saves the editor's Markdown as the next revision, or previews it. One URL serves both ways of
     * previewing: htmx sends {@code HX-Request} as the editor types and gets just the preview
     * fragment; the Preview button, without JavaScript, gets the whole editor page with the preview.
     */
    @PostMapping("/desk/articles/{id}")
    ModelAndView save(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String markdown,
            @RequestParam int base,
            @RequestParam(defaultValue = "save") String action,
            Principal editor,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        Article current = editorial.find(id);
        Documents.Parsed parsed = markdown.length() > DeskPages.MAX_TEXT
                ? new Documents.Parsed(List.of(), List.of(new Problem(0, tooLong(markdown))))
                : Documents.fromMarkdown(markdown);
        boolean preview = action.equals("preview");
        if (preview && htmx != null) {
            ArticlePage page = parsed.ok()
                    ? preview(new Article(
                            id, current.slug(), base, parsed.articles().get(0)))
                    : null;
            // 200 even for problems: the fragment that lists them is what the editor should see
            return page("desk/preview", new DeskPages.Preview(page, parsed.problems()), HttpStatus.OK);
        }
        if (!parsed.ok()) {
            return editPage(
                    current,
                    markdown,
                    base,
                    null,
                    parsed.problems(),
                    null,
                    null,
                    preview
                            ? "The text cannot be previewed yet: fix the problems below."
                            : "Nothing was saved: fix the problems below.",
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        ArticleContent content = parsed.articles().get(0);
        if (preview) {
            return editPage(
                    current,
                    markdown,
                    base,
                    preview(new Article(id, current.slug(), base, content)),
                    List.of(),
                    null,
                    "This is a preview; nothing is saved yet.",
                    null,
                    HttpStatus.OK);
        }
        try {
            desk.save(id, base, content, editor.getName());
            return new ModelAndView("redirect:/desk/articles/" + id + "?saved");
        } catch (StaleRevisionException stale) {
            return conflict(stale, markdown);
        } catch (EditorialException e) {
            return editPage(current, markdown, base, null, List.of(), null, null, e.getMessage(), HttpStatus.CONFLICT);
        }
    }

    @PostMapping("/desk/articles/{id}/status")
    ModelAndView move(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(required = false) String publishAt,
            Principal editor) {
        Article current = editorial.find(id);
        try {
            Instant at = null;
            if (action.equals("schedule")) {
                at = parseLocalTime(publishAt);
            }
            desk.move(id, action, at, current.content().title(), editor.getName());
            return new ModelAndView("redirect:/desk/articles/" + id + "?saved");
        } catch (EditorialException e) {
            // a move the status does not allow conflicts with the article's state; other refusals are bad input
            return editPage(
                    current,
                    Documents.markdown(current.content()),
                    current.revision(),
                    preview(current),
                    List.of(),
                    null,
                    null,
                    e.getMessage(),
                    e instanceof ForbiddenMoveException ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @GetMapping("/desk/articles/{id}/history")
    ModelAndView history(@PathVariable long id) {
        return page(
                "desk/history",
                new DeskPages.History(editorial.state(id), editorial.revisions(id), zone),
                HttpStatus.OK);
    }

    @GetMapping("/desk/articles/{id}/diff")
    ModelAndView diff(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
        SideBySide diff = SideBySide.of(
                Documents.markdown(editorial.revision(id, from)), Documents.markdown(editorial.revision(id, to)));
        return page("desk/diff", new DeskPages.Diff(editorial.state(id), from, to, diff), HttpStatus.OK);
    }

    @PostMapping("/desk/articles/{id}/restore")
    ModelAndView restore(@PathVariable long id, @RequestParam int revision, @RequestParam int base, Principal editor) {
        try {
            desk.restore(id, base, revision, editor.getName());
            return new ModelAndView("redirect:/desk/articles/" + id + "?saved");
        } catch (StaleRevisionException stale) {
            return conflict(stale, Documents.markdown(editorial.revision(id, revision)));
        } catch (EditorialException e) {
            Article current = editorial.find(id);
            return editPage(
                    current,
                    Documents.markdown(current.content()),
                    current.revision(),
                    preview(current),
                    List.of(),
                    null,
                    null,
                    e.getMessage(),
                    HttpStatus.CONFLICT);
        }
    }

    @GetMapping("/desk/articles/{id}/questions")
    ModelAndView questions(@PathVariable long id, @RequestParam(required = false) String saved) {
        Article article = editorial.find(id);
        return questionsPage(
                article,
                -1,
                null,
                List.of(),
                saved != null ? "Saved as revision " + article.revision() + "." : null,
                HttpStatus.OK);
    }

    /** Adds, changes, moves or removes one question; each is a new revision of the article. */
    @PostMapping("/desk/articles/{id}/questions")
    ModelAndView changeQuestions(
            @PathVariable long id,
            @RequestParam int base,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "-1") int index,
            @RequestParam(defaultValue = "") String text,
            Principal editor) {
        Article current = editorial.find(id);
        List<Question> questions = new ArrayList<>(current.content().questions());
        boolean known = index >= 0 && index < questions.size();
        List<Problem> problems = new ArrayList<>();
        String what;
        switch (action) {
            case "add", "save" -> {
                Question q = Documents.question(current.content(), text, problems);
                if (q == null) {
                    return questionsPage(
                            current,
                            action.equals("add") ? questions.size() : index,
                            text,
                            problems,
                            null,
                            HttpStatus.UNPROCESSABLE_CONTENT);
                }
                if (action.equals("add")) {
                    questions.add(q);
                    what = "added question " + questions.size();
                } else if (known) {
                    questions.set(index, q);
                    what = "changed question " + (index + 1);
                } else {
                    return badIndex(current, index);
                }
            }
            case "up", "down" -> {
                int other = action.equals("up") ? index - 1 : index + 1;
                if (!known || other < 0 || other >= questions.size()) {
                    return badIndex(current, index);
                }
                Collections.swap(questions, index, other);
                what = "moved question " + (index + 1) + " to " + (other + 1);
            }
            case "delete" -> {
                if (!known) {
                    return badIndex(current, index);
                }
                questions.remove(index);
                what = "removed question " + (index + 1);
            }
            default -> {
                return questionsPage(
                        current,
                        -1,
                        null,
                        List.of(new Problem(0, "There is no action '" + action + "'.")),
                        null,
                        HttpStatus.BAD_REQUEST);
            }
        }
        try {
            desk.saveQuestions(id, base, current, questions, editor.getName(), what);
            return new ModelAndView("redirect:/desk/articles/" + id + "/questions?saved");
        } catch (StaleRevisionException stale) {
            return questionsPage(
                    stale.current(),
                    action.equals("add") || action.equals("save")
                            ? (action.equals("add")
                                    ? stale.current().content().questions().size()
                                    : index)
                            : -1,
                    text,
                    List.of(new Problem(
                            0, stale.getMessage() + " Here is the current version; your text is kept in the form.")),
                    null,
                    HttpStatus.CONFLICT);
        }
    }

    private ModelAndView badIndex(Article current, int index) {
        return questionsPage(
                current,
                -1,
                null,
                List.of(new Problem(0, "This article has no question " + (index + 1) + ".")),
                null,
                HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private ModelAndView conflict(StaleRevisionException stale, String theirs) {
        Article current = stale.current();
        String currentMarkdown = Documents.markdown(current.content());
        var conflict =
                new DeskPages.Conflict(current.revision(), currentMarkdown, SideBySide.of(currentMarkdown, theirs));
        // the form now carries the current revision as its base: saving again replaces it, knowingly
        return editPage(
                current,
                theirs,
                current.revision(),
                null,
                List.of(),
                conflict,
                null,
                stale.getMessage() + " Your text is below, unsaved; the other version and the differences follow.",
                HttpStatus.CONFLICT);
    }

    private Instant parseLocalTime(String text) {
        try {
            return LocalDateTime.parse(text == null ? "" : text.strip())
                    .atZone(zone)
                    .toInstant();
        } catch (DateTimeException e) {
            throw new EditorialException("Give the time to publish as a date and time, such as 2026-12-01T06:00.");
        }
    }

    private ModelAndView editPage(
            Article article,
            String markdown,
            int base,
            ArticlePage preview,
            List<Problem> problems,
            DeskPages.Conflict conflict,
            String notice,
            String error,
            HttpStatus status) {
        return page(
                "desk/edit",
                new DeskPages.Edit(
                        editorial.state(article.id()),
                        markdown,
                        base,
                        preview,
                        problems,
                        conflict,
                        notice,
                        error,
                        zone,
                        facts.checks(article)),
                status);
    }

    private ModelAndView questionsPage(
            Article article,
            int editing,
            String editingText,
            List<Problem> problems,
            String notice,
            HttpStatus status) {
        List<String> snippets = article.content().questions().stream()
                .map(q -> Documents.questionMarkdown(article.content(), q))
                .toList();
        return page(
                "desk/questions",
                new DeskPages.Questions(
                        editorial.state(article.id()),
                        article.revision(),
                        snippets,
                        editing,
                        editingText,
                        problems,
                        notice),
                status);
    }

    private static ArticlePage preview(Article article) {
        return new ArticlePage(article, List.of(), List.of(), article.path());
    }

    static String tooLong(String text) {
        return "That text has " + String.format(Locale.ROOT, "%,d", text.length()) + " characters; at most "
                + DeskPages.MAX_TEXT_STATED + " are taken at once. Split it and paste each part.";
    }
}
