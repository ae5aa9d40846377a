package app.almanac.article;

/**
 * An acknowledgement such as "Picture Courtesy" or "Source".
 *
 * @param label what kind of credit, e.g. "Source"
 * @param text  what the publisher wrote after the label
 * @param url   a link when the credit is an http(s) address, else null
 */
public record Credit(String label, String text, String url) {}
