package app.almanac.cli;

import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how far long work has got: a progress bar (done/total, rate, time left) on a terminal,
 * and a plain line every second otherwise, so logs and pipes stay readable.
 */
final class Progress implements AutoCloseable {

    private final ProgressBar bar;
    private final PrintWriter plain;
    private final String task;
    private final String unit;
    private final long total;
    private final long started = System.nanoTime();
    private long done;
    private long lastLine = started;

    private Progress(String task, String unit, long total, ProgressBar bar, PrintWriter plain) {
        this.task = task;
        this.unit = unit;
        this.total = total;
        this.bar = bar;
        this.plain = plain;
    }

    /** A bar on the terminal when there is one, else plain lines on {@code err}. */
    static Progress start(String task, long total, PrintWriter err, boolean terminal) {
        return start(task, "files", total, err, terminal);
    }

    static Progress start(String task, String unit, long total, PrintWriter err, boolean terminal) {
        if (terminal && total > 1) {
            ProgressBar bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUnit(" " + unit, 1)
                    .showSpeed()
                    .setUpdateIntervalMillis(200)
                    .build();
            return new Progress(task, unit, total, bar, null);
        }
        return new Progress(task, unit, total, null, err);
    }

    void step() {
        done++;
        if (total <= 1) {
            return; // one file needs no progress report
        }
        if (bar != null) {
            bar.step();
            return;
        }
        long now = System.nanoTime();
        if (now - lastLine >= Duration.ofSeconds(1).toNanos() || done == total) {
            lastLine = now;
            double seconds = Math.max((now - started) / 1e9, 1e-9);
            double rate = done / seconds;
            long left = rate > 0 ? Math.round((total - done) / rate) : 0;
            plain.printf(
                    "%s: %d/%d %s (%d%%), %.0f %s/s, about %ds left%n",
                    task, done, total, unit, total == 0 ? 100 : done * 100 / total, rate, unit, left);
            plain.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
