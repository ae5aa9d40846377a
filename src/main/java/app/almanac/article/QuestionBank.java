package app.almanac.article;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A stored question bank: identity and revision around the content. */
public record QuestionBank(
        long id, String slug, int revision, @JsonUnwrapped QuestionBankContent content) {}
