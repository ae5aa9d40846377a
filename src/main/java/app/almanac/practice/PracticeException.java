package app.almanac.practice;

/** A practice request that cannot be carried out, with the field it is about (400 on the API, a message on pages). */
public class PracticeException extends RuntimeException {

    private final String field;

    public PracticeException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field or parameter the message is about, or null. */
    public String field() {
        return field;
    }
}
