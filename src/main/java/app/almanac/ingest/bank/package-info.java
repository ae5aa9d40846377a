/**
 * Question banks from Moodle, in GIFT and in Moodle XML: their readers, which recognise the statements and pairs Almanac's own export writes.
 * Internal to the ingest room: other rooms use {@link app.almanac.ingest.ArticleFiles}.
 */
package app.almanac.ingest.bank;
