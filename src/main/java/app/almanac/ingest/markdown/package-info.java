/**
 * Almanac Markdown, the authoring format: its reader and its writer.
 * Internal to the ingest room: other rooms use {@link app.almanac.ingest.ArticleFiles}.
 */
package app.almanac.ingest.markdown;
