package app.almanac.practice;

import static app.almanac.web.Pages.page;

import app.almanac.article.QuestionService;
import app.almanac.article.StoredQuestion;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The practice pages: the bank, the daily quiz, the attempt (one question at a time with its
 * palette; every answer saved as it is chosen with htmx, or with Save &amp; next without
 * JavaScript), and the marked result with its review.
 */
@Controller
class PracticeController {

    private static final int LISTED = 50;

    private final PracticeService practice;
    private final QuestionService questions;
    private final Learners learners;
    private final PracticeProperties settings;
    private final Clock clock;
    private final ItemStats stats;

    PracticeController(
            ItemStats stats,
            PracticeService practice,
            QuestionService questions,
            Learners learners,
            PracticeProperties settings,
            Clock clock) {
        this.stats = stats;
        this.practice = practice;
        this.questions = questions;
        this.learners = learners;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/practice")
    ModelAndView home(
            @RequestParam(required = false) String paper,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String answered,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletRequest request,
            HttpServletResponse response) {
        Learner learner = learners.of(request, response, false);
        QuestionType wanted = type == null || type.isBlank() ? null : QuestionType.parse(type);
        Set<Long> mine = learner.signedIn() ? new HashSet<>(practice.answeredQuestions(learner)) : Set.of();
        List<StoredQuestion> all = questions
                .matching(new QuestionService.Filter(blank(paper), blank(category), blank(tag), from, to), 1000)
                .stream()
                .filter(q -> !q.question().options().isEmpty())
                .toList();
        Map<QuestionType, Integer> byType = new EnumMap<>(QuestionType.class);
        Map<String, Integer> byPaper = new TreeMap<>();
        all.forEach(q -> {
            byType.merge(QuestionType.of(q.question()), 1, Integer::sum);
            q.source().syllabus().forEach(p -> byPaper.merge(p, 1, Integer::sum));
        });
        List<StoredQuestion> listed = all.stream()
                .filter(q -> wanted == null || QuestionType.of(q.question()) == wanted)
                .filter(q -> !"yes".equals(answered) || mine.contains(q.id()))
                .filter(q -> !"no".equals(answered) || !mine.contains(q.id()))
                .toList();
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "paper", paper);
        put(filters, "category", category);
        put(filters, "tag", tag);
        put(filters, "type", type);
        put(filters, "answered", answered);
        put(filters, "from", from == null ? null : from.toString());
        put(filters, "to", to == null ? null : to.toString());
        return page(
                "practice/home",
                new PracticePages.Home(
                        listed.stream().limit(LISTED).toList(),
                        listed.size(),
                        filters,
                        byType,
                        byPaper,
                        mine,
                        learner.signedIn(),
                        LocalDate.now(clock),
                        practice.history(learner, 10)));
    }

    @GetMapping("/practice/daily")
    String today() {
        return "redirect:/practice/daily/" + LocalDate.now(clock);
    }

    @GetMapping("/practice/daily/{date}")
    ModelAndView daily(
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            HttpServletRequest request,
            HttpServletResponse response) {
        Learner learner = learners.of(request, response, false);
        int count = (int) questions.publishedOn(date).stream()
                .filter(q -> !q.question().options().isEmpty())
                .count();
        return page(
                "practice/daily",
                new PracticePages.Daily(
                        date,
                        count,
                        settings.timePerQuestion().multipliedBy(count),
                        practice.dailyAttempt(learner, date).orElse(null),
                        count == 0 ? questions.latestDayWithQuestions().orElse(null) : null),
                count == 0 ? HttpStatus.NOT_FOUND : HttpStatus.OK);
    }

    @PostMapping("/practice/attempts")
    ModelAndView start(
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String paper,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int count,
            @RequestParam(defaultValue = "0") int minutes,
            @RequestParam(defaultValue = "false") boolean shuffle,
            @RequestParam(required = false) String bank,
            HttpServletRequest request,
            HttpServletResponse response) {
        Learner learner = learners.of(request, response, true);
        Attempt attempt = practice.start(
                learner,
                new PracticeService.Request(
                        kind,
                        date,
                        new QuestionService.Filter(blank(paper), blank(category), blank(tag), from, to),
                        count,
                        minutes,
                        shuffle,
                        blank(bank)));
        return new ModelAndView("redirect:/practice/attempts/" + attempt.id());
    }

    @GetMapping("/practice/attempts/{id}")
    ModelAndView sitting(
            @PathVariable long id,
            @RequestParam(defaultValue = "1") int q,
            HttpServletRequest request,
            HttpServletResponse response) {
        Learner learner = learners.of(request, response, false);
        Attempt attempt = practice.find(learner, id);
        if (!attempt.submitted() && !clock.instant().isBefore(attempt.deadline())) {
            // the clock ran out while the learner was away: submitted now, as the sweep would
            practice.timeOut(id);
            attempt = practice.find(learner, id);
        }
        if (attempt.submitted()) {
            return new ModelAndView("redirect:/practice/attempts/" + id + "/result");
        }
        int current = Math.max(0, Math.min(q - 1, attempt.answers().size() - 1));
        practice.flag(learner, id, attempt.answers().get(current).questionId(), null);
        practice.view(learner, id, current);
        PracticeService.Shown shown = practice.shown(practice.find(learner, id));
        return page(
                "practice/attempt",
                new PracticePages.Sitting(shown.attempt(), shown.questions(), current, clock.instant(), null, null));
    }

    /**
     * Saves the answer to one question. With htmx ({@code HX-Request}) it answers the palette
     * fragment as each option is chosen; a form without JavaScript moves on as the button says.
     */
    @PostMapping("/practice/attempts/{id}/answers")
    Object save(
            @PathVariable long id,
            @RequestParam long question,
            @RequestParam(required = false) List<String> choice,
            @RequestParam(required = false) String confidence,
            @RequestParam(defaultValue = "next") String action,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletRequest request,
            HttpServletResponse response) {
        Learner learner = learners.of(request, response, false);
        Attempt attempt = practice.find(learner, id);
        int position = attempt.answers().stream()
                .filter(a -> a.questionId() == question)
                .findFirst()
                .map(Attempt.Answer::position)
                .orElse(0);
        try {
            String chosen = action.equals("clear") || choice == null ? null : String.join("", choice);
            practice.answer(learner, id, question, chosen, Confidence.parse(confidence));
            if (action.equals("mark") || action.equals("unmark")) {
                practice.flag(learner, id, question, action.equals("mark"));
            }
        } catch (AttemptClosedException closed) {
            if (htmx != null) {
                return ResponseEntity.status(HttpStatus.CONFLICT).body(closed.getMessage());
            }
            return new ModelAndView("redirect:/practice/attempts/" + id + "/result?closed");
        }
        Attempt now = practice.find(learner, id);
        if (htmx != null) {
            PracticeService.Shown shown = practice.shown(now);
            return page(
                    "practice/palette",
                    new PracticePages.Sitting(
                            shown.attempt(), shown.questions(), position, clock.instant(), null, null));
        }
        int next = action.equals("clear") || action.equals("save") ? position : position + 1;
        return new ModelAndView("redirect:/practice/attempts/" + id + "?q="
                + (Math.min(next, now.answers().size() - 1) + 1));
    }

    @PostMapping("/practice/attempts/{id}/submit")
    ModelAndView submit(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
        Learner learner = learners.of(request, response, false);
        try {
            practice.submit(learner, id);
            return new ModelAndView("redirect:/practice/attempts/" + id + "/result");
        } catch (AttemptClosedException again) {
            return new ModelAndView("redirect:/practice/attempts/" + id + "/result?again");
        }
    }

    @GetMapping("/practice/attempts/{id}/result")
    ModelAndView result(
            @PathVariable long id,
            @RequestParam(required = false) String again,
            @RequestParam(required = false) String closed,
            HttpServletRequest request,
            HttpServletResponse response) {
        Learner learner = learners.of(request, response, false);
        Attempt attempt = practice.find(learner, id);
        if (!attempt.submitted()) {
            return new ModelAndView("redirect:/practice/attempts/" + id);
        }
        String notice = again != null
                ? "This attempt had already been submitted; nothing changed."
                : closed != null ? "The attempt was over, so that answer was not saved." : null;
        String reported = request.getParameter("reported");
        Result result = practice.result(learner, id);
        Map<Long, String> difficulty = new java.util.HashMap<>();
        stats.difficulty(attempt.answers().stream()
                        .map(Attempt.Answer::questionId)
                        .toList())
                .forEach((q, d) -> difficulty.put(q, d.label));
        return page(
                "practice/result",
                new PracticePages.Marked(
                        result,
                        reported != null ? "Thank you: the editors will look at your report." : notice,
                        Reports.KINDS,
                        difficulty));
    }

    @GetMapping("/practice/history")
    ModelAndView history(HttpServletRequest request, HttpServletResponse response) {
        Learner learner = learners.of(request, response, false);
        return page("practice/history", new PracticePages.History(practice.history(learner, 100)));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void put(Map<String, String> filters, String name, String value) {
        if (value != null && !value.isBlank()) {
            filters.put(name, value.strip());
        }
    }
}
