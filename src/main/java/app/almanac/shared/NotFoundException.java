package app.almanac.shared;

/** Thrown by controllers when the thing asked for does not exist; answered with a 404 page. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
