package app.almanac.account;

import app.almanac.shared.ChangeLog;
import app.almanac.shared.Hashes;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way accounts are written: sign-up, adding users, passwords, roles. Each write appends to
 * the change log, and admin actions to the audit log. Changing a role, disabling a user or
 * resetting a password ends that user's sessions on every node (they live in the shared session table).
 */
@Service
public class AccountService implements UserDetailsService {

    static final String ENTITY = "user";
    static final Duration RESET_VALIDITY = Duration.ofHours(1);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private final AccountRepository repository;
    private final PasswordEncoder encoder;
    private final ChangeLog changeLog;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;
    private final LoginThrottle throttle;
    private final ApiTokens tokens;

    AccountService(
            AccountRepository repository,
            PasswordEncoder encoder,
            ChangeLog changeLog,
            AuditLog audit,
            Clock clock,
            ObjectProvider<FindByIndexNameSessionRepository<?>> sessions,
            LoginThrottle throttle,
            ApiTokens tokens) {
        this.throttle = throttle;
        this.tokens = tokens;
        this.repository = repository;
        this.encoder = encoder;
        this.changeLog = changeLog;
        this.audit = audit;
        this.clock = clock;
        this.sessions = sessions;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return repository
                .findByEmail(normalise(username))
                .map(AccountRepository.Row::principal)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /**
     * Someone signing themselves up: always a learner. An address that already has an account gets
     * the same answer as a new one and nothing changes (its owner signs in as before; anyone else
     * finds their password refused like any wrong one), so sign-up cannot tell who has an account.
     * Empty in that case.
     */
    @Transactional
    public Optional<Account> signUp(String email, String displayName, String password) {
        Candidate candidate = candidate(email, displayName, password);
        var existing = repository.findByEmail(candidate.email());
        if (existing.isPresent()) {
            audit.record(
                    candidate.email(),
                    "account.sign-up-existing",
                    "user " + existing.get().id(),
                    null);
            return Optional.empty();
        }
        Account account = insert(candidate, Role.LEARNER);
        audit.record(account.email(), "account.sign-up", "user " + account.id(), null);
        return Optional.of(account);
    }

    /** An operator (CLI) or admin adding a user with a role. */
    @Transactional
    public Account add(String actor, String email, String displayName, String password, Role role) {
        Candidate candidate = candidate(email, displayName, password);
        if (repository.findByEmail(candidate.email()).isPresent()) {
            throw new AccountException("email", "There is already an account for " + candidate.email() + ".");
        }
        Account account = insert(candidate, role);
        audit.record(actor, "account.add", "user " + account.id(), account.email() + " as " + role.label());
        return account;
    }

    /** A new account's details, checked. */
    private record Candidate(String email, String name, String password) {}

    private Candidate candidate(String email, String displayName, String password) {
        String address = normalise(email);
        if (!EMAIL.matcher(address).matches() || address.length() > 320) {
            throw new AccountException("email", "Enter an email address such as name@example.org.");
        }
        String name = displayName == null || displayName.isBlank()
                ? address.substring(0, address.indexOf('@'))
                : displayName.strip();
        if (name.length() > 100) {
            throw new AccountException("displayName", "A name can have at most 100 characters.");
        }
        PasswordPolicy.check("password", password, address, name);
        return new Candidate(address, name, password);
    }

    private Account insert(Candidate candidate, Role role) {
        long id;
        try {
            id = repository.insert(
                    candidate.email(), candidate.name(), encoder.encode(candidate.password()), role, now());
        } catch (DuplicateKeyException raced) {
            throw new AccountException("email", "There is already an account for " + candidate.email() + ".");
        }
        changeLog.append(ENTITY, id, ChangeLog.Action.CREATED);
        return repository.findById(id).orElseThrow().account();
    }

    /**
     * Changes a signed-in user's password after checking the current one, and signs the user out
     * everywhere else (a stolen session should not outlive the password it was opened with).
     */
    @Transactional
    public void changePassword(long userId, String current, String replacement, String keepSessionId) {
        var row = repository
                .findById(userId)
                .orElseThrow(() -> new AccountException(null, "That account no longer exists."));
        if (current == null || !encoder.matches(current, row.passwordHash())) {
            throw new AccountException("current", "That is not your current password.");
        }
        PasswordPolicy.check("password", replacement, row.email(), row.displayName());
        repository.updatePassword(userId, encoder.encode(replacement));
        repository.endResets(userId, now());
        changeLog.append(ENTITY, userId, ChangeLog.Action.UPDATED);
        audit.record(row.email(), "account.password-change", "user " + userId, null);
        endSessionsExcept(row.email(), keepSessionId);
    }

    /**
     * Starts a password reset: a one-time token valid for an hour, or empty when no enabled account
     * has this address (the caller must not tell the difference to the person asking).
     */
    @Transactional
    public Optional<String> startReset(String email) {
        var row = repository.findByEmail(normalise(email)).filter(AccountRepository.Row::enabled);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        String token = Hashes.newToken();
        repository.insertReset(Hashes.sha256(token), row.get().id(), now().plus(RESET_VALIDITY));
        audit.record(
                row.get().email(),
                "account.reset-requested",
                "user " + row.get().id(),
                null);
        return Optional.of(token);
    }

    /** Sets a new password with a reset token; the token works once, within the hour. */
    @Transactional
    public Account reset(String token, String replacement) {
        String tokenHash = Hashes.sha256(token == null ? "" : token);
        var owner = repository
                .findResetOwner(tokenHash, now())
                .orElseThrow(() -> new AccountException(
                        "token", "This reset link has expired or has been used. Ask for a new one."));
        PasswordPolicy.check("password", replacement, owner.email(), owner.displayName());
        long userId = repository
                .redeemReset(tokenHash, now())
                .orElseThrow(() -> new AccountException(
                        "token", "This reset link has expired or has been used. Ask for a new one."));
        repository.updatePassword(userId, encoder.encode(replacement));
        repository.endResets(userId, now());
        changeLog.append(ENTITY, userId, ChangeLog.Action.UPDATED);
        var row = repository.findById(userId).orElseThrow();
        audit.record(row.email(), "account.reset", "user " + userId, null);
        endSessions(row.email());
        // the link proved the owner: whatever a guesser ran up against this account no longer holds them up
        throttle.forgive(row.email());
        return row.account();
    }

    /** An admin changing someone's role. The last admin cannot stop being one. */
    @Transactional
    public Account setRole(String actor, long userId, Role role) {
        var row = repository
                .findById(userId)
                .orElseThrow(() -> new AccountException(null, "There is no user " + userId + "."));
        if (row.role() == Role.ADMIN && role != Role.ADMIN && repository.countAdmins() <= 1) {
            throw new AccountException("role", "This is the only admin; make someone else an admin first.");
        }
        repository.updateRole(userId, role);
        changeLog.append(ENTITY, userId, ChangeLog.Action.UPDATED);
        audit.record(
                actor,
                "admin.role",
                "user " + userId,
                row.email() + ": " + row.role().label() + " → " + role.label());
        endSessions(row.email());
        return repository.findById(userId).orElseThrow().account();
    }

    /** An admin disabling or enabling an account; a disabled user is signed out everywhere. */
    @Transactional
    public Account setEnabled(String actor, long userId, boolean enabled) {
        var row = repository
                .findById(userId)
                .orElseThrow(() -> new AccountException(null, "There is no user " + userId + "."));
        if (!enabled && row.role() == Role.ADMIN && repository.countAdmins() <= 1) {
            throw new AccountException("enabled", "This is the only admin; it cannot be disabled.");
        }
        repository.updateEnabled(userId, enabled);
        changeLog.append(ENTITY, userId, ChangeLog.Action.UPDATED);
        audit.record(actor, enabled ? "admin.enable" : "admin.disable", "user " + userId, row.email());
        endSessions(row.email());
        return repository.findById(userId).orElseThrow().account();
    }

    /**
     * Makes a personal API token for the user with this address (the CLI's way; people use their
     * account page), refused like the page refuses it: a scope the role does not allow, say.
     */
    @Transactional
    public ApiToken.Issued issueToken(String email, String name, List<String> scopes) {
        var row = repository
                .findByEmail(normalise(email))
                .filter(AccountRepository.Row::enabled)
                .orElseThrow(() -> new AccountException("email", "No enabled account has the address " + email + "."));
        return tokens.issue(row.principal(), name, scopes);
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(long id) {
        return repository.findById(id).map(AccountRepository.Row::account);
    }

    @Transactional(readOnly = true)
    public Optional<Account> findByEmail(String email) {
        return repository.findByEmail(normalise(email)).map(AccountRepository.Row::account);
    }

    @Transactional(readOnly = true)
    public List<Account> page(int offset, int limit) {
        return repository.page(offset, limit);
    }

    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private void endSessions(String email) {
        endSessionsExcept(email, null);
    }

    private void endSessionsExcept(String email, String keep) {
        FindByIndexNameSessionRepository<?> repo = sessions.getIfAvailable();
        if (repo != null) {
            repo.findByPrincipalName(email).keySet().stream()
                    .filter(id -> !id.equals(keep))
                    .forEach(repo::deleteById);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
