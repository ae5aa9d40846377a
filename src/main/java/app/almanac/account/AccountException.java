package app.almanac.account;

/** A request about an account that cannot be carried out, with the form field it is about. */
public class AccountException extends RuntimeException {

    private final String field;

    public AccountException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field the message is about ("email", "password"…), or null for the whole form. */
    public String field() {
        return field;
    }
}
