package app.almanac.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The models of the facts pages (public: the precompiled templates live in another package). */
public final class FactsPages {

    private FactsPages() {}

    /** {@code /facts}: every entity by kind, and the date the data set is current to. */
    public record Index(Map<String, List<Entity>> byKind, LocalDate currentTo) {}

    /**
     * {@code /facts/{entity}}: names, members as of a day, the other standings, founding and
     * headquarters, the timeline chart (SVG made and escaped by {@link TimelineChart}), the groupings
     * a country belongs to.
     */
    public record EntityPage(
            Entity entity,
            LocalDate asOf,
            FactsService.Members members,
            List<StoredFact> about,
            String timelineSvg,
            FactsService.Groupings groupings,
            LocalDate currentTo,
            List<StoredFact> all,
            List<FactEdits.Change> changes,
            boolean editor,
            String notice,
            List<Analysis> analyses) {

        public String link(FactFile.Source s) {
            return s.url() != null ? s.url() : "/articles/" + s.articleId();
        }
    }

    /**
     * The form for one fact of {@code entity} ({@code id} null for a new one), the problem that
     * refused the last attempt, or (with a null form) a refused undo and the changes.
     */
    public record Edit(Entity entity, Long id, FactForm form, String problem, List<FactEdits.Change> changes) {

        public List<String> predicates() {
            return FactFile.PREDICATES.stream().sorted().toList();
        }

        public List<String> statuses() {
            return java.util.Arrays.stream(FactStatus.values())
                    .map(FactStatus::code)
                    .toList();
        }
    }

    /** A published analysis that names an entity. */
    public record Analysis(String title, String path, LocalDate date) {}
}
