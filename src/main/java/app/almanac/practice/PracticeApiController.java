package app.almanac.practice;

import app.almanac.article.Question;
import app.almanac.article.QuestionService;
import app.almanac.article.StoredQuestion;
import app.almanac.shared.SignedInUser;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Practice as JSON, for apps and scripts with a personal token of scope {@code practice}: start an
 * attempt, save answers, submit, read it back. Questions go out without their keys until the
 * attempt is submitted.
 */
@RestController
class PracticeApiController {

    private final PracticeService practice;

    PracticeApiController(PracticeService practice) {
        this.practice = practice;
    }

    @PostMapping("/api/practice/attempts")
    ResponseEntity<Map<String, Object>> start(
            @AuthenticationPrincipal SignedInUser user, @RequestBody(required = false) JsonNode body) {
        JsonNode b = object(body);
        var filter = new QuestionService.Filter(
                text(b, "paper"), text(b, "category"), text(b, "tag"), date(b, "from"), date(b, "to"));
        Attempt attempt = practice.start(
                Learner.user(user.id()),
                new PracticeService.Request(
                        text(b, "kind"),
                        date(b, "date"),
                        filter,
                        number(b, "count"),
                        number(b, "minutes"),
                        b.path("shuffle").asBoolean(false),
                        text(b, "bank")));
        return ResponseEntity.status(HttpStatus.CREATED).body(open(attempt));
    }

    @PutMapping("/api/practice/attempts/{id}/answers/{questionId}")
    Map<String, Object> answer(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable long id,
            @PathVariable long questionId,
            @RequestBody(required = false) JsonNode body) {
        JsonNode b = object(body);
        if (!b.has("choice")) {
            throw new PracticeException("choice", "Send {\"choice\": \"D\"} (or null to clear it).");
        }
        JsonNode choice = b.get("choice");
        if (!choice.isNull() && !choice.isString()) {
            throw new PracticeException("choice", "The choice must be an option's label, such as \"D\", or null.");
        }
        String confidence = text(b, "confidence");
        practice.answer(
                Learner.user(user.id()),
                id,
                questionId,
                choice.isNull() ? null : choice.asString(),
                Confidence.parse(confidence));
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("questionId", questionId);
        saved.put("choice", choice.isNull() ? null : choice.asString().toUpperCase(java.util.Locale.ROOT));
        saved.put("confidence", confidence);
        saved.put("saved", true);
        return saved;
    }

    @PostMapping("/api/practice/attempts/{id}/submit")
    Map<String, Object> submit(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        return marked(practice.submit(Learner.user(user.id()), id));
    }

    @GetMapping("/api/practice/attempts/{id}")
    Map<String, Object> get(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        Learner learner = Learner.user(user.id());
        Attempt attempt = practice.find(learner, id);
        return attempt.submitted() ? marked(practice.result(learner, id)) : open(attempt);
    }

    private Map<String, Object> open(Attempt attempt) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", attempt.id());
        out.put("kind", attempt.kind());
        out.put("title", attempt.title());
        out.put("deadline", attempt.deadline().toString());
        out.put("submitted", false);
        List<Map<String, Object>> questions = new ArrayList<>();
        PracticeService.Shown shown = practice.shown(attempt);
        List<StoredQuestion> stored = shown.questions();
        for (int i = 0; i < stored.size(); i++) {
            Map<String, Object> q = question(stored.get(i));
            Attempt.Answer answer = shown.attempt().answers().get(i);
            q.put("choice", answer.choice());
            q.put("confidence", answer.confidence() == null ? null : answer.confidence().code);
            questions.add(q);
        }
        out.put("questions", questions);
        return out;
    }

    private static Map<String, Object> question(StoredQuestion stored) {
        Question q = stored.question();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", stored.id());
        out.put("type", QuestionType.of(q).code);
        out.put("stem", q.stem());
        if (!q.statements().isEmpty()) {
            out.put(
                    "statements",
                    q.statements().stream()
                            .map(s -> Map.of("label", s.label(), "text", s.text()))
                            .toList());
        }
        if (q.pairs() != null) {
            out.put(
                    "pairs",
                    Map.of("header", q.pairs().header(), "rows", q.pairs().rows()));
        }
        out.put(
                "options",
                q.options().stream()
                        .map(o -> Map.of("label", o.label(), "text", o.text()))
                        .toList());
        return out;
    }

    private static Map<String, Object> marked(Result result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", result.attempt().id());
        out.put("submitted", true);
        out.put("submittedBy", result.attempt().submittedBy());
        out.put("score", result.scoreText());
        out.put("scoreFraction", result.scoreFraction());
        out.put("right", result.right());
        out.put("wrong", result.wrong());
        out.put("unanswered", result.blank());
        out.put("notMarked", result.notMarked());
        if (result.of() > 0) {
            out.put("rank", result.rank());
            out.put("of", result.of());
            out.put("percentile", result.percentile());
        }
        List<Map<String, Object>> questions = new ArrayList<>();
        for (Result.Item item : result.items()) {
            Map<String, Object> q = item.question() == null
                    ? new LinkedHashMap<>(Map.of("id", item.answer().questionId()))
                    : question(item.question());
            q.put("choice", item.answer().choice());
            q.put(
                    "confidence",
                    item.answer().confidence() == null ? null : item.answer().confidence().code);
            q.put(
                    "answer",
                    item.question() == null
                            ? null
                            : String.join("", item.question().question().answer()));
            q.put("correct", item.outcome() == Marking.Outcome.RIGHT);
            q.put("outcome", item.outcome().name().toLowerCase(java.util.Locale.ROOT));
            q.put("marks", Marks.decimal(item.marks()));
            q.put("seconds", item.answer().seconds());
            q.put("marksFraction", Marks.fraction(item.marks()));
            q.put("dropped", item.question() != null && item.question().dropped());
            q.put(
                    "explanation",
                    item.question() == null ? null : item.question().question().explanation());
            q.put(
                    "article",
                    item.question() == null ? null : item.question().source().path());
            questions.add(q);
        }
        out.put("questions", questions);
        return out;
    }

    private static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new PracticeException(null, "Send a JSON object.");
        }
        return body;
    }

    private static String text(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new PracticeException(field, "'" + field + "' must be text.");
        }
        return v.asString();
    }

    private static int number(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isInt()) {
            throw new PracticeException(field, "'" + field + "' must be a whole number.");
        }
        return v.asInt();
    }

    private static LocalDate date(JsonNode b, String field) {
        String text = text(b, field);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new PracticeException(
                    field, "'" + field + "' must be a date such as 2024-02-26, not '" + text + "'.");
        }
    }
}
