package app.almanac.article;

import java.util.Locale;
import java.util.stream.Collectors;

/** A workflow move the article's status does not allow (publishing a published article, say); answered 409. */
public class ForbiddenMoveException extends EditorialException {

    public ForbiddenMoveException(Status from, Status to) {
        super("An article that is " + name(from) + " cannot be moved to " + name(to) + "; from " + name(from)
                + " it may go to "
                + from.moves().stream().map(ForbiddenMoveException::name).collect(Collectors.joining(", "))
                + ".");
    }

    private static String name(Status status) {
        return status.label().toLowerCase(Locale.ROOT);
    }
}
