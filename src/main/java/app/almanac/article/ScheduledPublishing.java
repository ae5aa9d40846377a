package app.almanac.article;

import app.almanac.shared.ClusterJobs;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every few seconds, on one node of the cluster at a time, publishes the scheduled articles that are due. */
@Component
class ScheduledPublishing {

    private final ArticleWriter writer;
    private final ClusterJobs jobs;
    private final Duration every;

    ScheduledPublishing(
            ArticleWriter writer, ClusterJobs jobs, @Value("${almanac.desk.schedule-check:15s}") Duration every) {
        this.writer = writer;
        this.jobs = jobs;
        this.every = every;
    }

    @Scheduled(fixedDelayString = "${almanac.desk.schedule-check:15s}")
    void run() {
        jobs.once("article: scheduled publishing", every, Duration.ofMinutes(5), writer::publishDue);
    }
}
