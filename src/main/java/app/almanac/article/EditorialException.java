package app.almanac.article;

/** An editorial request that cannot be carried out (a title already taken, a schedule in the past…); nothing was written. */
public class EditorialException extends RuntimeException {

    public EditorialException(String message) {
        super(message);
    }
}
