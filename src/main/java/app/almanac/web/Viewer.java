package app.almanac.web;

import app.almanac.shared.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is looking at the page, for the navigation: nobody (null), or a signed-in user and what the
 * role lets them reach. Pages that are cached for everyone are only cached when nobody is signed in.
 */
public record Viewer(String name, boolean editor, boolean admin) {

    public static Viewer current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || !(auth.getPrincipal() instanceof SignedInUser user)) {
            return null;
        }
        boolean admin = has(auth, "ROLE_ADMIN");
        return new Viewer(user.displayName(), admin || has(auth, "ROLE_EDITOR"), admin);
    }

    private static boolean has(Authentication auth, String authority) {
        for (GrantedAuthority a : auth.getAuthorities()) {
            if (authority.equals(a.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
