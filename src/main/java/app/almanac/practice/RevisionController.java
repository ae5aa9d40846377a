package app.almanac.practice;

import static app.almanac.web.Pages.page;

import app.almanac.article.QuestionService;
import app.almanac.article.StoredQuestion;
import app.almanac.shared.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * Revision: today's due queue ({@code /practice/review}, played as a quiz of kind {@code review}), the
 * learner's exam plan ({@code POST /me/exam}), adding and removing questions by hand, and the due
 * queue as JSON for a token of scope {@code practice}.
 */
@Controller
class RevisionController {

    /** The most cards listed on the page and in the API. */
    private static final int LISTED = 200;

    private final Revision revision;
    private final QuestionService questions;
    private final Learners learners;

    RevisionController(Revision revision, QuestionService questions, Learners learners) {
        this.revision = revision;
        this.questions = questions;
        this.learners = learners;
    }

    @GetMapping("/practice/review")
    ModelAndView review(HttpServletRequest request, HttpServletResponse response) {
        Learner learner = learners.of(request, response, false);
        return view(learner, null, HttpStatus.OK);
    }

    private ModelAndView view(Learner learner, String error, HttpStatus status) {
        if (!learner.signedIn()) {
            return page(
                    "practice/review",
                    new PracticePages.ReviewView(false, revision.today(), null, 50, 0.9, List.of(), 0, Map.of(), null));
        }
        return page("practice/review", reviewView(learner.userId(), error), status);
    }

    PracticePages.ReviewView reviewView(long user, String error) {
        ExamScheduler.Plan plan = revision.plan(user);
        List<Revision.Card> due = revision.due(user, LISTED);
        Map<Long, StoredQuestion> byId = new HashMap<>();
        questions.byIds(due.stream().map(Revision.Card::questionId).toList()).forEach(q -> byId.put(q.id(), q));
        List<PracticePages.DueItem> items = new ArrayList<>();
        for (Revision.Card c : due) {
            StoredQuestion q = byId.get(c.questionId());
            if (q != null) {
                items.add(new PracticePages.DueItem(q, c));
            }
        }
        return new PracticePages.ReviewView(
                true,
                revision.today(),
                plan.examDate(),
                plan.dailyBudget(),
                plan.retention(),
                items,
                revision.count(user),
                revision.forecast(user),
                error);
    }

    /** Sets the exam date (empty: none), the daily budget and the target recall; then back where the form was. */
    @PostMapping("/me/exam")
    ModelAndView plan(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String examDate,
            @RequestParam(required = false) Integer budget,
            @RequestParam(required = false) Double retention,
            @RequestParam(defaultValue = "/practice/review") String back) {
        String target = back.equals("/me/progress") ? "/me/progress" : "/practice/review";
        LocalDate exam;
        try {
            exam = examDate.isBlank() ? null : LocalDate.parse(examDate.strip());
        } catch (DateTimeParseException e) {
            return failed(user, target, "The exam date must be a date such as 2027-05-23, not '" + examDate + "'.");
        }
        try {
            revision.setPlan(user.id(), exam, budget, retention);
        } catch (PracticeException e) {
            return failed(user, target, e.getMessage());
        }
        return new ModelAndView("redirect:" + target + "?saved");
    }

    private ModelAndView failed(SignedInUser user, String target, String message) {
        // the form is shown again with the message; the progress page's form posts back there
        return target.equals("/me/progress")
                ? new ModelAndView("redirect:/me/progress?error="
                        + java.net.URLEncoder.encode(message, java.nio.charset.StandardCharsets.UTF_8))
                : page("practice/review", reviewView(user.id(), message), HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/practice/review/{questionId}/add")
    ModelAndView add(
            @PathVariable long questionId,
            @RequestParam(defaultValue = "/practice/review") String back,
            HttpServletRequest request,
            HttpServletResponse response) {
        revision.add(signedIn(request, response), questionId, Revision.Reason.ADDED);
        return new ModelAndView("redirect:" + safe(back));
    }

    @PostMapping("/practice/review/{questionId}/remove")
    ModelAndView remove(@PathVariable long questionId, HttpServletRequest request, HttpServletResponse response) {
        revision.remove(signedIn(request, response), questionId);
        return new ModelAndView("redirect:/practice/review");
    }

    /** Today's due queue for apps: each card with its memory, due day and predicted recall. */
    @GetMapping("/api/practice/reviews/due")
    @ResponseBody
    Map<String, Object> due(@AuthenticationPrincipal SignedInUser user) {
        ExamScheduler.Plan plan = revision.plan(user.id());
        List<Revision.Card> due = revision.due(user.id(), LISTED);
        Map<Long, QuestionService.Topic> topics =
                questions.topicsOf(due.stream().map(Revision.Card::questionId).toList());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Revision.Card c : due) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("questionId", c.questionId());
            item.put("reason", c.reason());
            item.put("due", c.due().toString());
            item.put("lastReview", c.lastReview().toString());
            item.put("stability", round(c.stability()));
            item.put("difficulty", round(c.difficulty()));
            item.put("reviews", c.reps());
            item.put("lapses", c.lapses());
            item.put("recallToday", round(c.recallToday()));
            item.put("recallOnExamDay", plan.examDate() == null ? null : round(c.recallOnExam()));
            QuestionService.Topic t = topics.get(c.questionId());
            item.put("paper", t == null ? null : t.paper());
            item.put("topic", t == null ? null : t.topic());
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("today", revision.today().toString());
        body.put("examDate", plan.examDate() == null ? null : plan.examDate().toString());
        body.put("dailyBudget", plan.dailyBudget());
        body.put("count", items.size());
        body.put("items", items);
        return body;
    }

    private long signedIn(HttpServletRequest request, HttpServletResponse response) {
        Learner learner = learners.of(request, response, false);
        if (!learner.signedIn()) {
            throw new PracticeException(null, "Sign in to keep questions in revision.");
        }
        return learner.userId();
    }

    private static String safe(String back) {
        return back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/practice/review";
    }

    private static double round(double x) {
        return Double.isNaN(x) ? x : Math.round(x * 10000) / 10000.0;
    }
}
