package app.almanac.web;

/** The model of the error page. */
public record ErrorPage(int status, String title, String message) {

    static ErrorPage of(int status, String message) {
        String title = switch (status) {
            case 404 -> "Page not found";
            case 400 -> "That request could not be understood";
            case 405 -> "That method is not allowed here";
            case 401 -> "Please sign in";
            case 403 -> "You cannot do that";
            case 409 -> "Someone else changed this first";
            case 422 -> "That could not be saved";
            case 429 -> "Too many attempts";
            case 503 -> "Busy right now";
            default -> status >= 500 ? "Something went wrong on our side" : "That request could not be served";
        };
        return new ErrorPage(status, title, message);
    }
}
