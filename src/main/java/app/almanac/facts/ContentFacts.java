package app.almanac.facts;

import app.almanac.article.Article;
import app.almanac.article.ArticleChanged;
import app.almanac.article.ArticleContent;
import app.almanac.article.ArticleNotes;
import app.almanac.article.Block;
import app.almanac.article.EditorialService;
import app.almanac.article.Question;
import app.almanac.article.QuestionService;
import app.almanac.article.Section;
import app.almanac.shared.Hashes;
import app.almanac.shared.NotFoundException;
import app.almanac.web.AnonymousPages;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where facts meet content. When an article is saved, in the same transaction: the entities it
 * names are linked, its fact tables are checked as of its date, its hand-written questions are read
 * as claims and checked, and what the facts contradict joins the review queue. When facts change,
 * in the same transaction: every checked or generated question and every checked table about the
 * entities concerned is checked again, and what newly fails joins the queue. Reading an article,
 * it links names to their entity pages and writes the "Since this analysis" note from the facts.
 */
@Service
public class ContentFacts implements ArticleNotes {

    private static final Logger log = LoggerFactory.getLogger(ContentFacts.class);
    /** Claims are written without their zero fields, and read back with them. */
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** One row of an article's checks, as the API gives it. */
    public record CheckedRow(
            String label,
            String entity,
            String verdict,
            String detail,
            List<Map<String, Object>> facts,
            List<Map<String, String>> sources) {}

    /** An article's checks as of its date. */
    public record Checks(LocalDate asOf, List<CheckedRow> rows, List<CheckedClaim> claims) {}

    /**
     * A sentence of the article at odds with the facts: found by a best-effort reading, for an
     * editor to check.
     */
    public record CheckedClaim(
            String sentence,
            String entity,
            String verdict,
            String detail,
            boolean bestEffort,
            List<Map<String, Object>> facts,
            List<Map<String, String>> sources) {}

    private final FactSnapshot snapshot;
    private final EntityDirectory directory;
    private final ContentFactsRepository repository;
    private final EditorialService editorial;
    private final QuestionService questions;
    private final AnonymousPages pages;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ContentFacts(
            FactSnapshot snapshot,
            EntityDirectory directory,
            ContentFactsRepository repository,
            EditorialService editorial,
            QuestionService questions,
            AnonymousPages pages,
            TransactionTemplate transactions,
            Clock clock) {
        this.snapshot = snapshot;
        this.directory = directory;
        this.repository = repository;
        this.editorial = editorial;
        this.questions = questions;
        this.pages = pages;
        // its own transaction per article, also when called after another transaction's commit
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    // ---- an article saved

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ArticleChanged change) {
        Article article;
        try {
            article = editorial.find(change.id());
        } catch (NotFoundException gone) {
            return;
        }
        FactSnapshot.Reading facts = snapshot.get();
        link(article, facts);
        check(article, facts);
    }

    private void link(Article article, FactSnapshot.Reading facts) {
        repository.replaceLinks(
                article.id(),
                article.revision(),
                facts.namesVersion(),
                facts.linker().link(text(article.content())));
    }

    /** Checks the article's tables and questions, and queues what newly fails. */
    private void check(Article article, FactSnapshot.Reading facts) {
        ArticleContent c = article.content();
        if (c.date() == null) {
            return; // checked as of its date, once it has one
        }
        OffsetDateTime now = now();
        checkTables(article, facts, now);
        List<Long> ids = questions.idsOfArticle(article.id());
        QuestionChecks reader = new QuestionChecks(facts.facts(), facts.linker());
        String text = text(c);
        List<Long> unchecked = new ArrayList<>();
        for (int i = 0; i < ids.size() && i < c.questions().size(); i++) {
            Question q = c.questions().get(i);
            long id = ids.get(i);
            Optional<QuestionChecks.Checked> read = reader.read(q, c.date(), text);
            if (read.isEmpty()) {
                unchecked.add(id);
                continue;
            }
            QuestionChecks.Checked checked = read.get();
            Claim.Verdict verdict = Claim.verdict(checked.claims(), checked.key(), facts.facts());
            Optional<ContentFactsRepository.FactQuestion> before = repository.question(id);
            repository.saveQuestion(
                    id,
                    "checked",
                    checked.template(),
                    checked.day(),
                    String.join(",", q.answer()),
                    JSON.writeValueAsString(checked.claims()),
                    "",
                    entityIds(checked.claims()),
                    Integer.toHexString(q.hashCode()),
                    verdict.code,
                    now);
            boolean wasBroken =
                    before.map(b -> Claim.Verdict.parse(b.verdict()).broken()).orElse(false);
            if (verdict.broken() && !wasBroken) {
                queueQuestion(id, article, q, checked.claims(), verdict, facts.facts(), checked.day(), now);
            }
        }
        repository.forgetQuestions(unchecked);
    }

    private void checkTables(Article article, FactSnapshot.Reading facts, OffsetDateTime now) {
        ArticleContent c = article.content();
        LocalDate today = LocalDate.now(clock);
        TableChecks checks = new TableChecks(facts.facts(), facts.linker());
        Map<String, ContentFactsRepository.RowState> before = new HashMap<>();
        repository.rows(article.id()).forEach(r -> before.put(r.key(), r));
        List<ContentFactsRepository.RowState> after = new ArrayList<>();
        for (TableChecks.Row row : checks.check(c, c.date())) {
            if (row.kind() == TableChecks.RowKind.OTHER) {
                continue;
            }
            // a current row true on its day that no longer is today, and what has changed since
            String stale = null;
            List<Note> since = List.of();
            List<StoredFact> changed = List.of();
            if (row.kind().current && row.verdict().equals("verified") && today.isAfter(c.date())) {
                changed = sinceFacts(row.entity(), c.date(), today, facts.facts());
                if (!changed.isEmpty()
                        && !checks.row(row.table(), row.label(), valueOf(c, row), row.entity(), today)
                                .verdict()
                                .equals("verified")) {
                    since = since(row.entity(), c.date(), today, facts.facts());
                    stale = Hashes.sha256(changed.stream()
                            .map(f -> f.id() + "|" + FactText.describe(f))
                            .collect(Collectors.joining("\n")));
                }
            }
            after.add(
                    new ContentFactsRepository.RowState(row.key(), row.entity().id(), row.verdict(), stale));
            ContentFactsRepository.RowState was = before.get(row.key());
            String key = "article:" + article.id() + ":table:" + row.key();
            if (row.verdict().equals("contradicted")
                    && (was == null || !was.verdict().equals("contradicted"))) {
                queue(
                        key,
                        "table",
                        article.id(),
                        null,
                        c.title() + ": " + row.label(),
                        "The row '" + row.label() + "' disagrees with the facts as of " + FactText.day(c.date()) + ": "
                                + row.detail(),
                        row.facts(),
                        now);
            }
            if (stale != null && (was == null || !stale.equals(was.stale()))) {
                queue(
                        key + ":current:" + stale.substring(0, 12),
                        "current",
                        article.id(),
                        null,
                        c.title() + ": " + row.label(),
                        "'" + row.label() + "' said how things stood on " + FactText.day(c.date())
                                + "; the facts have changed since: "
                                + since.stream().map(Note::text).collect(Collectors.joining(" ")),
                        changed,
                        now);
            }
        }
        // claims in prose, best effort: a sentence newly at odds with the facts is listed to check
        for (ProseClaims.ToCheck claim : new ProseClaims(facts.facts(), facts.linker()).check(c)) {
            String rowKey = "claim:" + Hashes.sha256(claim.sentence()).substring(0, 16);
            after.add(new ContentFactsRepository.RowState(rowKey, claim.group().id(), "to-check", null));
            ContentFactsRepository.RowState was = before.get(rowKey);
            if (was == null) {
                queue(
                        "article:" + article.id() + ":" + rowKey,
                        "claim",
                        article.id(),
                        null,
                        c.title() + ": a claim to check",
                        "Best effort, to check: \"" + claim.sentence() + "\" " + claim.detail(),
                        claim.facts(),
                        now);
            }
        }
        repository.replaceRows(article.id(), after);
    }

    private static String valueOf(ArticleContent c, TableChecks.Row row) {
        int table = 0;
        for (Section s : c.sections()) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.FactTable t) {
                    if (table == row.table()) {
                        for (List<List<String>> cells : t.rows()) {
                            if (cells.size() > 1
                                    && String.join(" ", cells.get(0)).strip().equals(row.label())) {
                                return cells.subList(1, cells.size()).stream()
                                        .map(x -> String.join("\n", x))
                                        .collect(Collectors.joining("\n"));
                            }
                        }
                    }
                    table++;
                }
            }
        }
        return "";
    }

    // ---- facts changed

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(FactsChanged change) {
        FactSnapshot.Reading facts = snapshot.get(true);
        OffsetDateTime now = now();
        for (ContentFactsRepository.FactQuestion q : repository.questionsAbout(change.entities())) {
            List<Claim> claims = claims(q.claims());
            List<Integer> key = key(q.answer());
            Claim.Verdict verdict = Claim.verdict(claims, key, facts.facts());
            if (verdict.code.equals(q.verdict())) {
                continue;
            }
            repository.verdict(q.questionId(), verdict.code, now);
            if (verdict.broken() && !Claim.Verdict.parse(q.verdict()).broken()) {
                Optional<app.almanac.article.StoredQuestion> stored = questions.byId(q.questionId());
                if (stored.isEmpty()) {
                    continue;
                }
                Article article = stored.get().source().articleId() == 0
                        ? null
                        : editorial.find(stored.get().source().articleId());
                queueQuestion(
                        q.questionId(),
                        article,
                        stored.get().question(),
                        claims,
                        verdict,
                        facts.facts(),
                        q.asOf(),
                        now);
            }
        }
        for (long articleId : repository.articlesCheckedAbout(change.entities())) {
            try {
                checkTables(editorial.find(articleId), facts, now);
            } catch (NotFoundException gone) {
                // removed meanwhile: nothing to check
            }
        }
    }

    /** After facts change, pages that show them are rendered again (the "Since" note may come or go). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void after(FactsChanged change) {
        pages.evictAll();
    }

    /** New or renamed entities: every article is linked again, a batch at a time. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void after(EntityDirectory.Changed change) {
        // the copies are dropped after completion, which is later than now: read the new names first
        directory.drop();
        snapshot.drop();
        catchUp();
    }

    /**
     * Links and checks articles whose links are missing or out of date: saved before the entities
     * were loaded, renamed entities, or a save whose node stopped before it could link.
     */
    public int catchUp() {
        int done = 0;
        while (true) {
            FactSnapshot.Reading facts = snapshot.get();
            List<Long> batch = repository.unlinked(facts.namesVersion(), 100);
            if (batch.isEmpty()) {
                return done;
            }
            for (long id : batch) {
                transactions.executeWithoutResult(status -> {
                    try {
                        Article article = editorial.find(id);
                        link(article, facts);
                        check(article, facts);
                    } catch (NotFoundException gone) {
                        // removed meanwhile
                    }
                });
            }
            done += batch.size();
            if (done > 1_000_000) {
                log.warn("linking articles did not converge");
                return done;
            }
        }
    }

    // ---- reading

    /** An article's fact tables checked as of its date. */
    public Checks checks(Article article) {
        LocalDate day = article.content().date();
        if (day == null) {
            return new Checks(null, List.of(), List.of());
        }
        FactSnapshot.Reading facts = snapshot.get();
        List<CheckedRow> rows = new ArrayList<>();
        for (TableChecks.Row row : new TableChecks(facts.facts(), facts.linker()).check(article.content(), day)) {
            rows.add(new CheckedRow(
                    row.label(),
                    row.entity().slug(),
                    row.verdict(),
                    row.detail(),
                    row.facts().stream().distinct().map(FactText::json).toList(),
                    FactText.sources(row.facts().stream().distinct().toList()).entrySet().stream()
                            .map(e -> source(e.getKey(), e.getValue()))
                            .toList()));
        }
        List<CheckedClaim> claims = new ArrayList<>();
        for (ProseClaims.ToCheck claim : new ProseClaims(facts.facts(), facts.linker()).check(article.content())) {
            claims.add(new CheckedClaim(
                    claim.sentence(),
                    claim.group().slug(),
                    "to check",
                    claim.detail(),
                    true,
                    claim.facts().stream().map(FactText::json).toList(),
                    FactText.sources(claim.facts()).entrySet().stream()
                            .map(e -> source(e.getKey(), e.getValue()))
                            .toList()));
        }
        return new Checks(day, rows, claims);
    }

    @Override
    public Notes of(Article article) {
        FactSnapshot.Reading facts = snapshot.get();
        Linker linker = new PageLinker(facts.linker(), text(article.content()));
        LocalDate day = article.content().date();
        LocalDate today = LocalDate.now(clock);
        List<Note> notes = new ArrayList<>();
        if (day != null && today.isAfter(day)) {
            Set<Long> seen = new HashSet<>();
            for (TableChecks.Row row : new TableChecks(facts.facts(), facts.linker()).check(article.content(), day)) {
                if (row.kind().current
                        && row.verdict().equals("verified")
                        && seen.add(row.entity().id())) {
                    notes.addAll(since(row.entity(), day, today, facts.facts()));
                }
            }
        }
        return new Notes(linker, notes);
    }

    /** Published analyses that name {@code entity}, newest first. */
    public List<ContentFactsRepository.Mentioning> mentioning(Entity entity, int limit) {
        return repository.mentioning(entity.id(), limit);
    }

    // ---- "since this analysis"

    /** What changed in {@code group}'s membership after {@code day}, up to {@code today}, as sourced sentences. */
    static List<Note> since(Entity group, LocalDate day, LocalDate today, FactBase facts) {
        List<Note> out = new ArrayList<>();
        for (StoredFact f : sinceFacts(group, day, today, facts)) {
            String when;
            String what;
            if (f.from() != null
                    && f.from().earliest().isAfter(day)
                    && !f.from().earliest().isAfter(today)) {
                when = FactText.period(f.from());
                what = f.contested()
                        ? f.subject().name() + "'s standing in " + FactText.brief(group) + " is disputed from " + when
                                + (f.note() != null ? ": " + firstSentence(f.note()) : "")
                        : f.subject().name() + " " + FactText.began(f, group) + " on " + when;
            } else {
                when = FactText.period(f.to());
                what = f.subject().name() + " ceased to be "
                        + (f.status().countsAsMembership
                                ? "a member of "
                                : "a " + f.status().label() + " of ")
                        + FactText.brief(group) + " on " + when;
            }
            out.add(new Note(
                    what.endsWith(".") ? what : what + ".",
                    FactText.sources(List.of(f)).entrySet().stream()
                            .map(e -> new Source(e.getKey(), e.getValue()))
                            .toList()));
        }
        return out;
    }

    /** The membership facts of {@code group} that began or ended after {@code day}, by {@code today}. */
    static List<StoredFact> sinceFacts(Entity group, LocalDate day, LocalDate today, FactBase facts) {
        List<StoredFact> out = new ArrayList<>();
        for (StoredFact f : facts.aboutObject(group.id(), FactFile.MEMBERSHIPS)) {
            if (f.status() == null) {
                continue;
            }
            boolean began = f.from() != null
                    && f.from().earliest().isAfter(day)
                    && !f.from().earliest().isAfter(today);
            boolean ended = f.to() != null
                    && f.to().earliest().isAfter(day)
                    && !f.to().earliest().isAfter(today);
            // an end that is another fact's beginning (a freeze after membership) is told by that fact
            boolean continued = ended
                    && facts.memberships(f.subject().id(), group.id()).stream()
                            .anyMatch(
                                    o -> o != f && o.from() != null && o.from().equals(f.to()));
            if (began || (ended && !continued)) {
                out.add(f);
            }
        }
        return out;
    }

    private static String firstSentence(String s) {
        int dot = s.indexOf(". ");
        return dot > 0 ? s.substring(0, dot) : s;
    }

    // ---- the queue

    private void queueQuestion(
            long id,
            Article article,
            Question q,
            List<Claim> claims,
            Claim.Verdict verdict,
            FactBase facts,
            LocalDate asOf,
            OffsetDateTime now) {
        List<StoredFact> used = new ArrayList<>();
        Set<Long> entities = new LinkedHashSet<>(entityIdsOf(claims));
        for (StoredFact f : facts.facts()) {
            if (entities.contains(f.subject().id())
                    && f.object() != null
                    && entities.contains(f.object().id())) {
                used.add(f);
            }
            if (f.predicate().equals("headquarters")
                    && entities.contains(f.subject().id())) {
                used.add(f);
            }
        }
        String where =
                article == null ? "a question bank" : "'" + article.content().title() + "'";
        queue(
                "question:" + id,
                "question",
                article == null ? null : article.id(),
                id,
                firstLine(q.stem()),
                "A question of " + where + " keyed " + String.join(", ", q.answer()) + ": " + verdict.reason
                        + (asOf != null ? " (" + FactText.day(asOf) + ")" : "") + ".",
                used,
                now);
    }

    private void queue(
            String key,
            String kind,
            Long article,
            Long question,
            String title,
            String reason,
            List<StoredFact> facts,
            OffsetDateTime now) {
        if (repository.openItem(key)) {
            return;
        }
        List<Map<String, Object>> shown =
                facts.stream().distinct().map(FactText::json).toList();
        repository.addItem(key, kind, article, question, title, reason, JSON.writeValueAsString(shown), now);
    }

    // ---- helpers

    static List<Claim> claims(String json) {
        return JSON.readValue(json, new TypeReference<List<Claim>>() {});
    }

    static List<Integer> key(String answer) {
        List<Integer> out = new ArrayList<>();
        for (String label : answer.split(",")) {
            if (!label.isBlank()) {
                out.add(label.strip().toUpperCase(java.util.Locale.ROOT).charAt(0) - 'A');
            }
        }
        return out;
    }

    static String entityIds(List<Claim> claims) {
        return "," + entityIdsOf(claims).stream().map(String::valueOf).collect(Collectors.joining(",")) + ",";
    }

    private static Set<Long> entityIdsOf(List<Claim> claims) {
        Set<Long> out = new LinkedHashSet<>();
        claims.forEach(c -> out.addAll(c.entities()));
        return out;
    }

    static Map<String, String> source(String title, String url) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("url", url);
        return m;
    }

    private static String firstLine(String stem) {
        String s = stem.split("\n\n")[0].strip();
        return s.length() > 300 ? s.substring(0, 299) + "…" : s;
    }

    /** All the text of an article that names things, in reading order. */
    static String text(ArticleContent c) {
        StringBuilder out = new StringBuilder(c.title()).append('\n');
        if (c.context() != null) {
            out.append(c.context()).append('\n');
        }
        c.tags().forEach(t -> out.append(t).append('\n'));
        for (Section s : c.sections()) {
            out.append(s.heading()).append('\n');
            for (Block b : s.blocks()) {
                if (b instanceof Block.Paragraph p) {
                    out.append(p.text()).append('\n');
                } else if (b instanceof Block.BulletList l) {
                    l.items().forEach(i -> out.append(i).append('\n'));
                } else if (b instanceof Block.FactTable t) {
                    t.rows()
                            .forEach(r -> r.forEach(
                                    cell -> cell.forEach(p -> out.append(p).append('\n'))));
                }
            }
        }
        for (Question q : c.questions()) {
            out.append(q.stem()).append('\n');
            q.options().forEach(o -> out.append(o.text()).append('\n'));
        }
        return out.toString();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Links each entity's first mention on a page to its entity page. */
    private static final class PageLinker implements Linker {
        private final EntityLinker linker;
        private final String context;
        private final Set<Long> linked = new HashSet<>();

        PageLinker(EntityLinker linker, String context) {
            this.linker = linker;
            this.context = context;
        }

        @Override
        public List<Segment> split(String text) {
            if (text == null || text.isEmpty()) {
                return List.of(new Segment(text == null ? "" : text, null));
            }
            List<Segment> out = new ArrayList<>();
            int at = 0;
            for (EntityLinker.Mention m : linker.mentions(text, context)) {
                if (!linked.add(m.entity())) {
                    continue;
                }
                if (m.start() > at) {
                    out.add(new Segment(text.substring(at, m.start()), null));
                }
                out.add(new Segment(
                        m.text(), "/facts/" + linker.entity(m.entity()).slug()));
                at = m.end();
            }
            if (at < text.length()) {
                out.add(new Segment(text.substring(at), null));
            }
            return out;
        }
    }
}
