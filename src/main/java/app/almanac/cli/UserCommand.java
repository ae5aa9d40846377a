package app.almanac.cli;

import app.almanac.account.Account;
import app.almanac.account.AccountException;
import app.almanac.account.AccountService;
import app.almanac.account.Role;
import app.almanac.shared.SiteAddress;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code almanac user …}: accounts from the command line, for operators. */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Add users, change roles, make password-reset links.",
        subcommands = {
            UserCommand.Add.class,
            UserCommand.ResetLink.class,
            UserCommand.Token.class,
            UserCommand.SetRole.class,
            UserCommand.ListUsers.class
        })
class UserCommand {

    static final String PASSWORD_VARIABLE = "ALMANAC_PASSWORD";

    @CommandLine.ParentCommand
    AlmanacCommand root;

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Add a user. The password is asked for, or read from the environment variable " + PASSWORD_VARIABLE
                        + " (for scripts)."
            })
    static class Add implements Callable<Integer> {
        @CommandLine.ParentCommand
        UserCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--role",
                defaultValue = "learner",
                description = "learner, editor or admin (default: ${DEFAULT-VALUE})")
        String role;

        @Option(names = "--name", description = "the name shown on their account page (default: the part before @)")
        String name;

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Role parsed = Role.parse(role).orElse(null);
            if (parsed == null) {
                err.println("almanac user add: --role must be learner, editor or admin, not '" + role + "'");
                return AlmanacCommand.EXIT_REFUSED;
            }
            String password = parent.root.environment.apply(PASSWORD_VARIABLE);
            if (password == null) {
                Console console = System.console();
                if (console == null) {
                    err.println("almanac user add: no terminal to ask for the password; set " + PASSWORD_VARIABLE);
                    return AlmanacCommand.EXIT_REFUSED;
                }
                char[] first = console.readPassword("Password for %s: ", email);
                char[] again = console.readPassword("The same again: ");
                if (first == null || again == null || !Arrays.equals(first, again)) {
                    err.println("almanac user add: the two passwords differ; nothing was saved");
                    return AlmanacCommand.EXIT_REFUSED;
                }
                password = new String(first);
            }
            try (ConfigurableApplicationContext context = Application.start(parent.root, false)) {
                Account account = context.getBean(AccountService.class).add("cli", email, name, password, parsed);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "Added %s (%s) as user %d%n",
                                account.email(), account.role().label(), account.id());
                return 0;
            } catch (AccountException e) {
                err.println("almanac user add: " + e.getMessage());
                return AlmanacCommand.EXIT_REFUSED;
            }
        }
    }

    @Command(
            name = "reset-link",
            mixinStandardHelpOptions = true,
            description = "Print a one-time link (valid for an hour) with which the user sets a new password.")
    static class ResetLink implements Callable<Integer> {
        @CommandLine.ParentCommand
        UserCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--base-url",
                description = "the site's address (default: ALMANAC_BASE_URL, else http://localhost:8080)")
        String baseUrl;

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Application.start(parent.root, false)) {
                var token = context.getBean(AccountService.class).startReset(email);
                if (token.isEmpty()) {
                    spec.commandLine()
                            .getErr()
                            .println("almanac user reset-link: no enabled account has the address " + email);
                    return AlmanacCommand.EXIT_REFUSED;
                }
                spec.commandLine()
                        .getOut()
                        .println((baseUrl == null
                                        ? context.getBean(SiteAddress.class).base()
                                        : baseUrl.replaceAll("/+$", ""))
                                + "/password/reset?token="
                                + token.get());
                return 0;
            }
        }
    }

    @Command(
            name = "token",
            mixinStandardHelpOptions = true,
            description = "Make a personal API token for a user and print it, once (only its hash is kept).")
    static class Token implements Callable<Integer> {
        @CommandLine.ParentCommand
        UserCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Option(
                names = "--scope",
                required = true,
                split = ",",
                description = "read, desk (editors) or practice; several separated by commas")
        List<String> scopes;

        @Option(names = "--name", defaultValue = "command line", description = "what the token is for")
        String name;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Application.start(parent.root, false)) {
                var issued = context.getBean(AccountService.class).issueToken(email, name, scopes);
                spec.commandLine().getOut().println(issued.secret());
                return 0;
            } catch (AccountException e) {
                spec.commandLine().getErr().println("almanac user token: " + e.getMessage());
                return AlmanacCommand.EXIT_REFUSED;
            }
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true, description = "Change a user's role.")
    static class SetRole implements Callable<Integer> {
        @CommandLine.ParentCommand
        UserCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "EMAIL")
        String email;

        @Parameters(index = "1", paramLabel = "ROLE", description = "learner, editor or admin")
        String role;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Role parsed = Role.parse(role).orElse(null);
            if (parsed == null) {
                err.println("almanac user role: ROLE must be learner, editor or admin, not '" + role + "'");
                return AlmanacCommand.EXIT_REFUSED;
            }
            try (ConfigurableApplicationContext context = Application.start(parent.root, false)) {
                AccountService accounts = context.getBean(AccountService.class);
                var account = accounts.findByEmail(email);
                if (account.isEmpty()) {
                    err.println("almanac user role: no account has the address " + email);
                    return AlmanacCommand.EXIT_REFUSED;
                }
                Account changed = accounts.setRole("cli", account.get().id(), parsed);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "%s is now %s%n",
                                changed.email(), changed.role().label());
                return 0;
            } catch (AccountException e) {
                err.println("almanac user role: " + e.getMessage());
                return AlmanacCommand.EXIT_REFUSED;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and their roles.")
    static class ListUsers implements Callable<Integer> {
        @CommandLine.ParentCommand
        UserCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Application.start(parent.root, false)) {
                for (Account a : context.getBean(AccountService.class).page(0, Integer.MAX_VALUE)) {
                    spec.commandLine()
                            .getOut()
                            .printf(
                                    "%6d  %-8s %-8s %s%n",
                                    a.id(), a.role().label(), a.enabled() ? "" : "disabled", a.email());
                }
                return 0;
            }
        }
    }
}
