/**
 * Articles: the content model (sections, blocks, fact tables, practice questions), its storage
 * with revisions, and the reader's article pages and JSON API. Uses only {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Articles", allowedDependencies = "shared")
package app.almanac.article;
