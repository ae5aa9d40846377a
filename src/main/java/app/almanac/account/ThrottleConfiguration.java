package app.almanac.account;

import app.almanac.shared.ClusterJobs;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the sign-in and sign-up throttles count: PostgreSQL is where several nodes run, so there
 * the counters are shared in the database; the embedded database has one node, which counts in
 * memory.
 */
@Configuration(proxyBeanMethods = false)
class ThrottleConfiguration {

    @Bean
    ThrottleCounters throttleCounters(
            DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions, LoginProperties limits)
            throws MetaDataAccessException {
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return "PostgreSQL".equals(database)
                ? new JdbcThrottleCounters(jdbc, transactions)
                : new MemoryThrottleCounters(limits.forgetAfter());
    }

    @Bean
    ThrottleSweep throttleSweep(LoginThrottle throttle, ClusterJobs jobs) {
        return new ThrottleSweep(throttle, jobs);
    }

    /** Once an hour, on one node, forgets the counters nobody has counted in for a while. */
    record ThrottleSweep(LoginThrottle throttle, ClusterJobs jobs) {
        @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
        void run() {
            jobs.once(
                    "account: forget old throttle counters",
                    Duration.ofHours(1),
                    Duration.ofMinutes(10),
                    throttle::forgetOld);
        }
    }
}
