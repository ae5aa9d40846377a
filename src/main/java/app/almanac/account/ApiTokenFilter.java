package app.almanac.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that carries {@code Authorization: Bearer alm_…} as the token's user, with the
 * user's role and the token's scopes, for this request only (nothing goes into a session). A bad
 * token is answered 401 at once rather than treated as anonymous.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    ApiTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** Requests authenticated by a token carry no cookie to forge, so CSRF does not apply to them. */
    static boolean carriesToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /**
     * Tokens work only on the API, where every route names the scope it needs; a token presented
     * to a page (the desk's forms, say) would act with its user's whole role, past its scopes.
     */
    static boolean api(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!api(request)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.getWriter().write("{\"status\":401,\"error\":\"API tokens are accepted under /api/ only.\"}");
            return;
        }
        var bearer = tokens.authenticate(
                request.getHeader("Authorization").substring(7).strip());
        if (bearer.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            response.setContentType("application/json");
            response.getWriter()
                    .write(
                            "{\"status\":401,\"error\":\"That API token is not valid (unknown, revoked, or its user is disabled).\"}");
            return;
        }
        List<GrantedAuthority> authorities = new ArrayList<>(bearer.get().user().getAuthorities());
        bearer.get().scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority(s.authority())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(bearer.get().user(), null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
