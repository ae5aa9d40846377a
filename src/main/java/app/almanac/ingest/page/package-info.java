/**
 * Readers of publishers' pages, pasted as text or saved as HTML, sharing one set of cues (what a line means), one body reader and one question reader; they write down what they decide in a trace for import --explain.
 * Internal to the ingest room: other rooms use {@link app.almanac.ingest.ArticleFiles}.
 */
package app.almanac.ingest.page;
