package app.almanac.cli;

import app.almanac.account.AccountService;
import app.almanac.ingest.SampleContent;
import app.almanac.shared.SiteAddress;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code almanac serve}: the web site, until stopped. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve the site (the default when no command is given). Port: ALMANAC_PORT, default 8080.")
class ServeCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    AlmanacCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        return serve(root, spec.commandLine().getOut());
    }

    int serve(AlmanacCommand root, PrintWriter out) {
        ConfigurableApplicationContext context = Application.start(root, true, "--almanac.samples=true");
        var closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        int samples = context.getBean(SampleContent.class).loadedAtStart();
        if (samples > 0) {
            out.println("Loaded " + samples + " sample analyses into the new database.");
        }
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        out.println("Almanac is serving on http://localhost:" + port + "/  (Ctrl-C to stop)");
        String base = context.getBean(SiteAddress.class).base();
        if (!base.equals("http://localhost:" + port)) {
            out.println("Links and feeds name it " + base + " (ALMANAC_BASE_URL).");
        } else if (context.getEnvironment().getProperty("almanac.base-url", "").isBlank()) {
            out.println("Links, feeds and reset links name it " + base
                    + "; if readers reach it by another address, set ALMANAC_BASE_URL to that address.");
        }
        if (context.getBean(AccountService.class).count() == 0) {
            out.println(
                    "No accounts yet. To use the editorial desk, make an admin: ./almanac user add --role admin you@example.org");
        }
        out.flush();
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
