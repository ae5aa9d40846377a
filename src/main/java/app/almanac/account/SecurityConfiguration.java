package app.almanac.account;

import app.almanac.shared.SiteAddress;
import app.almanac.web.SecurityHeaders;
import gg.jte.TemplateEngine;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Who may reach what, and the protections every response carries. Deny by default: reading is
 * public, and everything else must be named here with the role it needs.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain security(
            HttpSecurity http,
            ApiTokens tokens,
            LoginThrottle throttle,
            AuditLog audit,
            TemplateEngine templates,
            KnownDevices devices,
            SiteAddress site)
            throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        var signIn = new LoginUrlAuthenticationEntryPoint("/login");
        http.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                        .permitAll()
                        // `almanac doctor` on this machine asks the running node (the management port is loopback only)
                        .requestMatchers(EndpointRequest.to("doctor"))
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        // a script on the desk needs both an editor behind it and a token made for the desk
                        .requestMatchers("/api/desk/**")
                        .access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.<RequestAuthorizationContext>hasRole("EDITOR"),
                                AuthorityAuthorizationManager.<RequestAuthorizationContext>hasAuthority(
                                        ApiToken.Scope.DESK.authority())))
                        .requestMatchers("/api/admin/**")
                        .access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.<RequestAuthorizationContext>hasRole("ADMIN"),
                                AuthorityAuthorizationManager.<RequestAuthorizationContext>hasAuthority(
                                        ApiToken.Scope.READ.authority())))
                        .requestMatchers("/api/practice/**")
                        .hasAuthority(ApiToken.Scope.PRACTICE.authority())
                        .requestMatchers("/desk/**")
                        .hasRole("EDITOR")
                        // editing facts, forms included (reading /facts is for everyone)
                        .requestMatchers("/facts/*/facts/**", "/facts/*/changes/**")
                        .hasRole("EDITOR")
                        .requestMatchers("/account/**", "/bookmarks/**", "/api/me", "/me/**")
                        .authenticated()
                        .requestMatchers("/login", "/signup", "/password/**", "/logout", "/error")
                        .permitAll()
                        // anyone may take the daily quiz: a visitor's attempt is kept against a cookie
                        .requestMatchers("/practice/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .formLogin(f -> f.loginPage("/login")
                        .successHandler(new SignInHandlers.Success(throttle, audit, devices))
                        .failureHandler(new SignInHandlers.Failure(audit)))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/"))
                .csrf(c -> c.ignoringRequestMatchers(ApiTokenFilter::carriesToken, EndpointRequest.to("doctor")))
                .addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(
                        new LoginThrottleFilter(throttle, audit, templates, devices),
                        UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        // scripts get 401; people get the sign-in page, whatever their client says it accepts
                        .authenticationEntryPoint((request, response, failure) -> {
                            if (api.matches(request)) {
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED).commence(request, response, failure);
                            } else {
                                signIn.commence(request, response, failure);
                            }
                        })
                        .accessDeniedHandler((request, response, denied) -> {
                            String message = denied instanceof CsrfException
                                    ? "This form was not sent from a page of this site, or it has expired. Go back, reload the page and try again."
                                    : "Your account cannot do that. If you think it should, ask an admin.";
                            request.setAttribute(RequestDispatcher.ERROR_MESSAGE, message);
                            response.sendError(HttpServletResponse.SC_FORBIDDEN, message);
                        }))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .addHeaderWriter(
                                new StaticHeadersWriter("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY))
                        .referrerPolicy(r ->
                                r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(f -> f.deny())
                        // behind an HTTPS proxy the request may look like plain HTTP: the configured address decides
                        .httpStrictTransportSecurity(hsts -> {
                            if (site.secure()) {
                                hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                                        .maxAgeInSeconds(SecurityHeaders.HSTS_SECONDS)
                                        .includeSubDomains(false);
                            }
                        }));
        return http.build();
    }

    /** The session cookie is Secure whenever readers reach the site over HTTPS, proxy or not. */
    @Bean
    DefaultCookieSerializerCustomizer secureSessionCookie(SiteAddress site) {
        return serializer -> {
            if (site.secure()) {
                serializer.setUseSecureCookie(true);
            }
        };
    }

    /**
     * Password checks for the sign-in form. A disabled account is reported only after its
     * password was right (Spring's default checks it first, which tells a stranger the account
     * exists); an unknown address costs a hash like a known one.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(AccountService accounts, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(user -> {});
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("disabled");
            }
        });
        return provider;
    }

    /** Admins can do what editors can, and editors what learners can. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN")
                .implies("EDITOR")
                .role("EDITOR")
                .implies("LEARNER")
                .build();
    }
}
