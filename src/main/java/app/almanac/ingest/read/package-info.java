/**
 * What every reader shares: the refusal that stops a parse at a line, the question rules, text decoding and the lines every format knows (the practice heading, a link).
 * Internal to the ingest room: other rooms use {@link app.almanac.ingest.ArticleFiles}.
 */
package app.almanac.ingest.read;
