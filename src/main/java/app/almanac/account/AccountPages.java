package app.almanac.account;

import java.util.List;
import java.util.Map;

/** The models of the account pages, one record per page. */
public final class AccountPages {

    private AccountPages() {}

    public record Login(String email, String error, String notice) {
        Login(String email, String error) {
            this(email, error, null);
        }
    }

    public record SignUp(String email, String displayName, Map<String, String> errors) {}

    public record Home(
            Account account,
            List<ApiToken.Token> tokens,
            ApiToken.Issued issued,
            Map<String, String> errors,
            String notice,
            boolean editor) {
        public List<ApiToken.Scope> scopes() {
            return editor ? List.of(ApiToken.Scope.values()) : List.of(ApiToken.Scope.READ);
        }
    }

    public record Forgot(String email, boolean sent) {}

    public record Reset(String token, Map<String, String> errors) {}
}
