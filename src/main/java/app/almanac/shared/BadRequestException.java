package app.almanac.shared;

/** A request whose values cannot be used, with a message that says which and why; answered 400. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
