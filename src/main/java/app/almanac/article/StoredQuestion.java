package app.almanac.article;

import java.time.LocalDate;
import java.util.List;

/**
 * A question as other rooms use it: its stable id (kept across revisions of its article, so
 * attempts and notes survive edits), the question itself with its key, whether an editor dropped
 * it, and where it comes from.
 *
 * @param id the question's id
 * @param question the stem, statements or pairs, options, key and explanation as they are now
 * @param dropped whether an editor dropped it from marking (a flawed question: no marks, no penalty)
 * @param source the analysis or bank it belongs to
 */
public record StoredQuestion(long id, Question question, boolean dropped, Source source) {

    /**
     * Where a question comes from.
     *
     * @param articleId the analysis, or 0 for a question bank
     * @param title the analysis's or bank's title
     * @param path the analysis's page, or null for a bank
     * @param date the analysis's date, or null for a bank
     * @param category the analysis's category, or null
     * @param syllabus the analysis's syllabus papers
     * @param tags the analysis's tags
     */
    public record Source(
            long articleId,
            String title,
            String path,
            LocalDate date,
            String category,
            List<String> syllabus,
            List<String> tags) {

        public Source {
            syllabus = syllabus == null ? List.of() : List.copyOf(syllabus);
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }
}
