/**
 * Almanac JSON, checked against its schema: its reader and its writer.
 * Internal to the ingest room: other rooms use {@link app.almanac.ingest.ArticleFiles}.
 */
package app.almanac.ingest.json;
