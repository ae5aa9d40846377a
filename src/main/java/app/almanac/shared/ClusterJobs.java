package app.almanac.shared;

import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Scheduled work that must run once across every node sharing the database (the attempt time-out
 * sweep, scheduled publishing, the facts link sweep): each run first takes a lease in the {@code
 * shedlock} table (ShedLock, on the database's clock, so nodes' clocks need not agree). A node
 * that finds the lease taken skips that run; a node that dies holding it loses it after {@code
 * atMost}. Followers of the change log are not jobs: every node follows for itself.
 */
@Component
public class ClusterJobs {

    private final LockingTaskExecutor executor;

    ClusterJobs(JdbcTemplate jdbc, @Value("${management.metrics.tags.node:local}") String node) {
        this.executor = new DefaultLockingTaskExecutor(
                new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(jdbc)
                        .usingDbTime()
                        .withLockedByValue(node)
                        .build()));
    }

    /**
     * Runs {@code job} here unless another node is running it, or one ran it less than {@code
     * every} ago (so that N nodes, each asking on its own schedule, still run it about once per
     * period between them).
     *
     * @param atMost how long the lease holds if this node dies mid-run; longer than any run takes
     */
    public void once(String name, Duration every, Duration atMost, Runnable job) {
        // the lease ends a little before the period so that the node whose turn it is never just misses it
        Duration atLeast = every.multipliedBy(4).dividedBy(5);
        executor.executeWithLock(job, new LockConfiguration(Instant.now(), name, atMost, atLeast));
    }
}
