package app.almanac.account;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What the account page shows of personal API tokens ({@link ApiTokens} issues and checks them). */
public final class ApiToken {

    private ApiToken() {}

    /** What a token may be used for. */
    public enum Scope {
        READ("read", "read your account and bookmarks"),
        DESK("desk", "create and change drafts on the editorial desk (editors only)"),
        PRACTICE("practice", "take quizzes, save answers and read your results");

        public final String code;
        public final String description;

        Scope(String code, String description) {
            this.code = code;
            this.description = description;
        }

        public String authority() {
            return "SCOPE_" + code;
        }

        static Optional<Scope> parse(String code) {
            return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
        }
    }

    /** A token as its owner's account page lists it (never the token itself). */
    public record Token(
            long id, String name, Set<Scope> scopes, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }

        public String scopeList() {
            return scopes.stream().map(s -> s.code).collect(Collectors.joining(", "));
        }
    }

    /** A token just made: the only time its secret is seen. */
    public record Issued(Token token, String secret) {}
}
