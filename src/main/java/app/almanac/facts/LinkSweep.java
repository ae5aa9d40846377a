package app.almanac.facts;

import app.almanac.shared.ClusterJobs;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute, on one node of the cluster at a time, links and checks the articles whose links to
 * entities are missing or out of date ({@link ContentFacts#catchUp}).
 */
@Component
class LinkSweep {

    private final ContentFacts content;
    private final ClusterJobs jobs;
    private final Duration every;

    LinkSweep(ContentFacts content, ClusterJobs jobs, @Value("${almanac.facts.link-sweep:PT1M}") Duration every) {
        this.content = content;
        this.jobs = jobs;
        this.every = every;
    }

    @Scheduled(fixedDelayString = "${almanac.facts.link-sweep:PT1M}", initialDelayString = "PT10S")
    void run() {
        // a sweep over many articles can take a while; the lease outlasts it
        jobs.once("facts: link sweep", every, Duration.ofMinutes(30), content::catchUp);
    }
}
