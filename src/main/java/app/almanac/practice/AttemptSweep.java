package app.almanac.practice;

import app.almanac.shared.ClusterJobs;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every few seconds, on one node of the cluster at a time, submits the attempts whose time ran out. */
@Component
class AttemptSweep {

    private final PracticeService practice;
    private final ClusterJobs jobs;
    private final Duration every;

    AttemptSweep(
            PracticeService practice, ClusterJobs jobs, @Value("${almanac.practice.sweep-delay:PT5S}") Duration every) {
        this.practice = practice;
        this.jobs = jobs;
        this.every = every;
    }

    @Scheduled(fixedDelayString = "${almanac.practice.sweep-delay:PT5S}", initialDelayString = "PT5S")
    void run() {
        jobs.once("practice: attempt time-out sweep", every, Duration.ofMinutes(5), practice::sweep);
    }
}
