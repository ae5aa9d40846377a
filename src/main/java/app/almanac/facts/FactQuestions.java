package app.almanac.facts;

import app.almanac.article.ArticleWriter;
import app.almanac.article.Question;
import app.almanac.article.QuestionBank;
import app.almanac.article.QuestionBankContent;
import app.almanac.article.QuestionBankService;
import app.almanac.article.QuestionService;
import app.almanac.shared.BadRequestException;
import app.almanac.shared.Hashes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * Questions generated from the facts: made and proven by the {@link QuestionGenerator}, given as
 * JSON in the shape of an imported bank (each question with {@code "generated"}: its template,
 * reference date, facts and sources), and stored into the practice bank "Questions from the facts:
 * …" of each entity, marked as generated with the claims that prove them (checked again whenever
 * facts change).
 */
@Service
public class FactQuestions {

    /** The bank generated questions about {@code entity} join. */
    static String bankTitle(Entity entity) {
        return "Questions from the facts: " + entity.name();
    }

    /** At most this many questions per request. */
    public static final int MAX = 1000;

    /** What generating and storing did. */
    public record Stored(int generated, int added, List<String> banks) {}

    /** A request's questions, opaque to other rooms but for their JSON. */
    public record Batch(String title, LocalDate asOf, List<QuestionGenerator.Generated> questions) {
        public int size() {
            return questions.size();
        }
    }

    private final FactSnapshot snapshot;
    private final FactsService facts;
    private final ArticleWriter writer;
    private final QuestionBankService banks;
    private final QuestionService questions;
    private final ContentFactsRepository repository;
    private final Clock clock;

    FactQuestions(
            FactSnapshot snapshot,
            FactsService facts,
            ArticleWriter writer,
            QuestionBankService banks,
            QuestionService questions,
            ContentFactsRepository repository,
            Clock clock) {
        this.snapshot = snapshot;
        this.facts = facts;
        this.writer = writer;
        this.banks = banks;
        this.questions = questions;
        this.repository = repository;
        this.clock = clock;
    }

    /** The template names, for help texts and refusals. */
    public static List<String> templates() {
        return Arrays.stream(QuestionGenerator.Template.values())
                .map(t -> t.code)
                .toList();
    }

    /**
     * Up to {@code count} proven questions about {@code entity} (every grouping when null) as of
     * {@code asOf} (today when null), from the named templates (all when empty).
     */
    public Batch generate(String entity, LocalDate asOf, List<String> templateNames, int count) {
        if (count < 1 || count > MAX) {
            throw new BadRequestException("count must be between 1 and " + MAX + ", not " + count + ".");
        }
        Set<QuestionGenerator.Template> templates = new LinkedHashSet<>();
        for (String name : templateNames == null ? List.<String>of() : templateNames) {
            templates.add(QuestionGenerator.Template.parse(name.strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new BadRequestException("There is no template '" + name + "'; the templates are "
                            + String.join(", ", templates()) + ".")));
        }
        Entity group = entity == null || entity.isBlank() ? null : facts.entity(entity);
        if (group != null && group.kind().equals("country")) {
            throw new BadRequestException(group.name() + " is a country: name an organisation or a grouping.");
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
        FactBase base = snapshot.get().facts();
        List<QuestionGenerator.Generated> out = new QuestionGenerator(base).generate(group, day, templates, count);
        String title = "Questions from the facts" + (group != null ? ": " + group.name() : "") + ", as of "
                + FactText.day(day);
        return new Batch(title, day, out);
    }

    /** The batch as an imported bank's JSON: {@code title}, {@code questions} each with {@code generated}. */
    public Map<String, Object> json(Batch batch) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", batch.title());
        List<Map<String, Object>> list = new ArrayList<>();
        for (QuestionGenerator.Generated g : batch.questions()) {
            list.add(json(g));
        }
        out.put("questions", list);
        return out;
    }

    static Map<String, Object> json(QuestionGenerator.Generated g) {
        Map<String, Object> q =
                ContentFacts.JSON.convertValue(g.question(), new TypeReference<LinkedHashMap<String, Object>>() {});
        Map<String, Object> generated = new LinkedHashMap<>();
        generated.put("template", g.template().code);
        generated.put("entity", g.entity().slug());
        generated.put("asOf", g.asOf() == null ? null : g.asOf().toString());
        generated.put("facts", g.facts().stream().map(FactText::json).toList());
        generated.put(
                "sources",
                FactText.sources(g.facts()).entrySet().stream()
                        .map(e -> ContentFacts.source(e.getKey(), e.getValue()))
                        .toList());
        q.put("generated", generated);
        return q;
    }

    /**
     * Adds the batch's questions to each entity's bank of generated questions (those already there
     * are not added twice), recording for each its template, reference date, facts and claims.
     */
    @Transactional
    public Stored store(Batch batch) {
        Map<Entity, List<QuestionGenerator.Generated>> byEntity = new LinkedHashMap<>();
        for (QuestionGenerator.Generated g : batch.questions()) {
            byEntity.computeIfAbsent(g.entity(), k -> new ArrayList<>()).add(g);
        }
        int added = 0;
        List<String> slugs = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (var e : byEntity.entrySet()) {
            String title = bankTitle(e.getKey());
            List<Question> kept = new ArrayList<>(
                    banks.findByTitle(title).map(b -> b.content().questions()).orElse(List.of()));
            int first = kept.size();
            List<QuestionGenerator.Generated> fresh = new ArrayList<>();
            for (QuestionGenerator.Generated g : e.getValue()) {
                if (!repository.fingerprintKnown(fingerprint(g)) && !kept.contains(g.question())) {
                    kept.add(g.question());
                    fresh.add(g);
                }
            }
            if (fresh.isEmpty()) {
                continue;
            }
            QuestionBank bank =
                    writer.save(new QuestionBankContent(title, kept)).bank();
            slugs.add(bank.slug());
            List<Long> ids = questions.idsOfBank(bank.id());
            for (int i = 0; i < fresh.size(); i++) {
                QuestionGenerator.Generated g = fresh.get(i);
                repository.saveQuestion(
                        ids.get(first + i),
                        "generated",
                        g.template().code,
                        g.asOf() != null ? g.asOf() : batch.asOf(),
                        g.question().answer().get(0),
                        ContentFacts.JSON.writeValueAsString(g.claims()),
                        g.facts().stream().map(f -> String.valueOf(f.id())).collect(Collectors.joining(",")),
                        ContentFacts.entityIds(g.claims()),
                        fingerprint(g),
                        Claim.Verdict.HOLDS.code,
                        now);
            }
            added += fresh.size();
        }
        return new Stored(batch.size(), added, slugs);
    }

    private static String fingerprint(QuestionGenerator.Generated g) {
        return Hashes.sha256(QuestionGenerator.fingerprint(g));
    }
}
