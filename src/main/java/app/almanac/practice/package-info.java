/**
 * Practice: quizzes built from the questions of articles and banks (read through the article
 * room's API, by their stable ids), timed attempts saved answer by answer, exact UPSC marking,
 * results and review. May use {@code article}, {@code account} (who is signed in), {@code web}
 * and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"article", "shared", "web"})
package app.almanac.practice;
