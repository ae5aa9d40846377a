package app.almanac.cli;

import app.almanac.account.Account;
import app.almanac.practice.LearnerHistory;
import app.almanac.practice.Marks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * A learner's practice history as the JSON {@code export --all --learner} writes: times in ISO-8601
 * UTC, marks as exact fractions in strings ("-2/3", "2"; a number would have to round a third), and
 * every question named by where it lives in the exported articles as well as by its id.
 */
final class LearnerJson {

    /** What the file says it is, so that a program reading it knows which shape it holds. */
    static final String FORMAT = "almanac-learner-history";

    static final int VERSION = 1;

    private LearnerJson() {}

    static Map<String, Object> of(Account account, LearnerHistory.History history, Instant exportedAt) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", FORMAT);
        out.put("version", VERSION);
        out.put("exportedAt", exportedAt.toString());
        out.put("email", account.email());
        out.put("displayName", account.displayName());
        out.put(
                "attempts",
                history.attempts().stream().map(LearnerJson::attempt).toList());
        out.put("notebook", history.notebook().stream().map(LearnerJson::entry).toList());
        out.put(
                "notebookMarks",
                history.notebookMarks().stream().map(LearnerJson::mark).toList());
        Map<String, Object> revision = new LinkedHashMap<>();
        revision.put("plan", history.plan().map(LearnerJson::plan).orElse(null));
        revision.put("cards", history.cards().stream().map(LearnerJson::card).toList());
        revision.put(
                "reviews", history.reviews().stream().map(LearnerJson::review).toList());
        out.put("revision", revision);
        return out;
    }

    /**
     * A file name for a learner's history: the address in letters, digits, '.', '_' and '-' only
     * ("asha-at-example.org"), so that it is safe on every file system and says whose it is.
     */
    static String safeName(String email) {
        String name = email.strip()
                .toLowerCase(Locale.ROOT)
                .replace("@", "-at-")
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[.-]+|[.-]+$", "");
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return name.isEmpty() ? "learner" : name;
    }

    private static Map<String, Object> attempt(LearnerHistory.AttemptRecord a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id());
        out.put("kind", a.kind());
        out.put("title", a.title());
        out.put("quizKey", a.quizKey());
        out.put("scheme", a.scheme());
        out.put("startedAt", text(a.startedAt()));
        out.put("deadline", text(a.deadline()));
        out.put("submittedAt", text(a.submittedAt()));
        out.put("submittedBy", a.submittedBy());
        out.put("score", fraction(a.score()));
        out.put("right", a.right());
        out.put("wrong", a.wrong());
        out.put("blank", a.blank());
        out.put("answers", a.answers().stream().map(LearnerJson::answer).toList());
        return out;
    }

    private static Map<String, Object> answer(LearnerHistory.AnswerRecord a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("position", a.position() + 1);
        out.put("question", question(a.question()));
        out.put("choice", a.choice());
        out.put("firstChoice", a.firstChoice());
        out.put("confidence", a.confidence());
        out.put("markedForReview", a.markedForReview());
        out.put("visited", a.visited());
        out.put("outcome", a.outcome());
        out.put("marks", fraction(a.marks()));
        out.put("remarked", a.remarked());
        out.put("seconds", a.seconds());
        out.put("savedAt", text(a.savedAt()));
        if (a.optionOrder() != null && !a.optionOrder().isEmpty()) {
            out.put("optionOrder", a.optionOrder());
        }
        return out;
    }

    private static Map<String, Object> entry(LearnerHistory.NotebookRecord e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", question(e.question()));
        out.put("topic", e.topic());
        out.put("kind", e.kind());
        out.put("latestWrongChoice", e.choice());
        out.put("timesWrong", e.timesWrong());
        out.put("flagged", e.flagged());
        return out;
    }

    private static Map<String, Object> mark(LearnerHistory.NotebookMark m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", question(m.question()));
        out.put("flaggedAt", text(m.flaggedAt()));
        out.put("removedAt", text(m.removedAt()));
        return out;
    }

    private static Map<String, Object> card(LearnerHistory.CardRecord c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", question(c.question()));
        out.put("reason", c.reason());
        out.put("addedAt", text(c.addedAt()));
        out.put("stability", c.stability());
        out.put("difficulty", c.difficulty());
        out.put("lastReview", text(c.lastReview()));
        out.put("due", text(c.due()));
        out.put("reps", c.reps());
        out.put("lapses", c.lapses());
        out.put("removedAt", text(c.removedAt()));
        return out;
    }

    private static Map<String, Object> review(LearnerHistory.ReviewRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", question(r.question()));
        out.put("attemptId", r.attemptId());
        out.put("reviewedOn", text(r.reviewedOn()));
        out.put("rating", r.rating());
        out.put("stability", r.stability());
        out.put("difficulty", r.difficulty());
        out.put("due", text(r.due()));
        return out;
    }

    private static Map<String, Object> plan(LearnerHistory.Plan p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("examDate", text(p.examDate()));
        out.put("dailyBudget", p.dailyBudget());
        out.put("retention", p.retention());
        return out;
    }

    /** Only what is known: a question no longer stored keeps just its id. */
    private static Map<String, Object> question(LearnerHistory.QuestionRef q) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", q.id());
        if (q.article() != null) {
            out.put("article", q.article());
            out.put("date", text(q.date()));
            if (q.date() != null) {
                // the exported files it is in, with the question's number there
                out.put("file", ExportAll.ARTICLES + "/" + ExportAll.articleName(q.date(), q.article()) + ".md");
            }
        }
        if (q.bank() != null) {
            out.put("bank", q.bank());
        }
        if (q.title() != null) {
            out.put("title", q.title());
        }
        if (q.number() > 0) {
            out.put("number", q.number());
        }
        if (q.stem() != null) {
            out.put("stem", q.stem());
        }
        return out;
    }

    private static String fraction(BigFraction f) {
        return f == null ? null : Marks.fraction(f);
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
