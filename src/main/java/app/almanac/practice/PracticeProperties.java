package app.almanac.practice;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Practice settings ({@code almanac.practice.*}).
 *
 * @param marking marking schemes by syllabus paper, each "right wrong" ({@code CSAT=5/2 -5/6});
 *     a paper not named is marked as General Studies Paper I, {@code 2 -2/3}
 * @param timePerQuestion the time a quiz allows per question (UPSC: 2 hours for 100 questions)
 * @param sweepDelay how often each node submits attempts whose time ran out
 */
@ConfigurationProperties("almanac.practice")
record PracticeProperties(
        Map<String, String> marking,
        @DefaultValue("PT72S") Duration timePerQuestion,
        @DefaultValue("PT5S") Duration sweepDelay) {

    PracticeProperties {
        marking = marking == null || marking.isEmpty() ? Map.of("CSAT", "5/2 -5/6") : Map.copyOf(marking);
    }

    /** The scheme for questions of {@code paper} (null: General Studies). */
    MarkingScheme scheme(String paper) {
        String text = paper == null ? null : marking.get(paper);
        return text == null ? MarkingScheme.GS : MarkingScheme.parse(paper, text);
    }

    /** The scheme called {@code name} (as stored with an attempt). */
    MarkingScheme named(String name) {
        if (MarkingScheme.GS.name().equals(name)) {
            return MarkingScheme.GS;
        }
        String text = marking.get(name);
        return text == null ? MarkingScheme.GS : MarkingScheme.parse(name, text);
    }
}
