package app.almanac.cli;

import app.almanac.search.DoctorReport;
import app.almanac.search.IndexCheck;
import app.almanac.search.SearchService;
import app.almanac.web.AnonymousPages;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.store.LockObtainFailedException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code almanac doctor [--repair]}: holds the search index and the page cache against the database. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
            "Compare the search index, article by article, with the database (the truth): published articles",
            "missing from it, documents of articles not published (extra), documents of another revision (stale).",
            "The change log is applied first, as the server would. --repair indexes the missing and stale articles",
            "again and deletes the extra documents. While a server runs it holds the index and the page cache:",
            "then it is asked through its management endpoint (/actuator/doctor) instead.",
            "Exit code 0 when everything agrees (or was repaired), 1 when something differs or could not be checked."
        })
class DoctorCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    AlmanacCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--repair", description = "Repair what differs.")
    boolean repair;

    @Option(
            names = "--management-url",
            paramLabel = "URL",
            description = "The running server's management endpoints, asked when it holds the index"
                    + " (default: from management.server.*, e.g. http://127.0.0.1:8081/actuator).")
    URI management;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ConfigurableApplicationContext context = Application.start(
                root, false, "--almanac.search.enabled=true", "--almanac.change-log.follow-delay=1d")) {
            IndexCheck index = context.getBean(SearchService.class).doctor(repair);
            DoctorReport report = new DoctorReport(index, null);
            print(report, repair, out);
            return report.settled() ? 0 : AlmanacCommand.EXIT_REFUSED;
        } catch (BeanCreationException e) {
            if (rootCause(e) instanceof LockObtainFailedException) {
                return askServer(out, err);
            }
            throw e;
        }
    }

    /** A running server holds the index (Lucene allows one writer) and the only page cache there is. */
    private int askServer(PrintWriter out, PrintWriter err) {
        URI base = management != null ? management : configuredManagement();
        if (base == null) {
            err.println("almanac doctor: the search index is in use by a running Almanac, and its management port is"
                    + " not configured here: give --management-url, or stop it and run almanac doctor again");
            return AlmanacCommand.EXIT_REFUSED;
        }
        URI endpoint = URI.create(base.toString().replaceAll("/+$", "") + "/doctor");
        out.println("The search index is in use by a running Almanac: asking it at " + endpoint);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                // a repair of a whole site reads every article again
                .timeout(Duration.ofMinutes(30))
                .header("Accept", "application/json");
        request = repair ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            err.println("almanac doctor: the search index is in use by a running Almanac, but " + endpoint
                    + " did not answer (" + e.getClass().getSimpleName() + "): give --management-url, or stop it and"
                    + " run almanac doctor again");
            return AlmanacCommand.EXIT_REFUSED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("almanac doctor: interrupted while asking " + endpoint);
            return AlmanacCommand.EXIT_REFUSED;
        }
        if (response.statusCode() == 404) {
            err.println("almanac doctor: the running Almanac does not expose its doctor: add doctor to"
                    + " management.endpoints.web.exposure.include, or stop it and run almanac doctor again");
            return AlmanacCommand.EXIT_REFUSED;
        }
        if (response.statusCode() != 200) {
            err.println("almanac doctor: " + endpoint + " answered " + response.statusCode()
                    + (repair ? " to a repair (its security configuration must let POST through)" : ""));
            return AlmanacCommand.EXIT_REFUSED;
        }
        DoctorReport report;
        try {
            report = JsonMapper.builder()
                    // a server of a later version may say more than this command knows
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build()
                    .readValue(response.body(), DoctorReport.class);
        } catch (JacksonException e) {
            err.println("almanac doctor: " + endpoint + " did not answer with a report: " + e.getOriginalMessage());
            return AlmanacCommand.EXIT_REFUSED;
        }
        if (report.index() == null) {
            err.println("almanac doctor: " + endpoint + " did not answer with a report");
            return AlmanacCommand.EXIT_REFUSED;
        }
        print(report, repair, out);
        return report.settled() ? 0 : AlmanacCommand.EXIT_REFUSED;
    }

    /** The server's management address as this command's configuration (files and environment) gives it. */
    private URI configuredManagement() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("almanac command", root.springProperties()));
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        String port = environment.getProperty("management.server.port", environment.getProperty("server.port", "8080"));
        if (!port.matches("\\d+") || Integer.parseInt(port) <= 0) {
            return null; // a random port: only the server knows it
        }
        String address = environment.getProperty("management.server.address", "127.0.0.1");
        if (address.isBlank() || address.equals("0.0.0.0") || address.equals("::")) {
            address = "127.0.0.1"; // every interface, this one too
        } else if (address.contains(":")) {
            address = "[" + address + "]";
        }
        String path = environment.getProperty("management.server.base-path", "")
                + environment.getProperty("management.endpoints.web.base-path", "/actuator");
        return URI.create("http://" + address + ":" + port + path);
    }

    static void print(DoctorReport report, boolean repair, PrintWriter out) {
        IndexCheck index = report.index();
        out.println("Search index against the database:");
        out.printf("  published articles in the database  %d%n", index.databaseArticles());
        out.printf("  documents in the index              %d%n", index.indexedDocuments());
        out.printf("  missing (published, not indexed)    %s%n", ids(index.missing()));
        out.printf("  extra (indexed, not published)      %s%n", ids(index.extra()));
        out.printf("  stale (indexed at another revision) %s%n", ids(index.stale()));
        out.printf(
                "  change log applied                  up to entry %d of %d%n",
                index.appliedChangeId(), index.latestChangeId());
        AnonymousPages.PageCheck pages = report.pages();
        if (pages == null) {
            out.println("Page cache: checked on the running server only (this process keeps no pages)");
        } else {
            out.printf(
                    "Page cache: %d pages kept, %d outdated%s, %d expired%n",
                    pages.kept(),
                    pages.outdated(),
                    pages.firstOutdated().isEmpty()
                            ? ""
                            : " (" + String.join(", ", more(pages.firstOutdated(), pages.outdated())) + ")",
                    pages.notFresh());
        }
        int problems = index.missing().count()
                + index.extra().count()
                + index.stale().count()
                + (pages == null ? 0 : pages.outdated());
        if (problems == 0) {
            out.println("Everything agrees with the database.");
        } else if (!repair) {
            out.printf("%d differences found: almanac doctor --repair repairs them.%n", problems);
        } else if (report.settled()) {
            out.printf(
                    "Repaired: %d articles indexed again, %d documents removed%s; everything agrees with the database"
                            + " now.%n",
                    index.missing().count() + index.stale().count(),
                    index.extra().count(),
                    pages == null || pages.outdated() == 0 ? "" : ", " + pages.outdated() + " outdated pages evicted");
        } else {
            out.println("Repaired, but the index still differs from the database (was it written to meanwhile?):"
                    + " run almanac doctor again.");
        }
    }

    private static String ids(IndexCheck.Ids ids) {
        if (ids.count() == 0) {
            return "0";
        }
        List<String> shown = ids.first().stream().map(String::valueOf).toList();
        return ids.count() + "  ids " + String.join(", ", more(shown, ids.count()));
    }

    /** The items shown, and how many more there are. */
    private static List<String> more(List<String> shown, int count) {
        if (count <= shown.size()) {
            return shown;
        }
        List<String> all = new ArrayList<>(shown);
        all.add("… " + (count - shown.size()) + " more");
        return all;
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
