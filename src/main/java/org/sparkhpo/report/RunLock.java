package org.sparkhpo.report;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lock that keeps two nightly runs from writing to the same output directory: the file {@value #FILE_NAME}
 * in {@code hpo.output.dir}, created only if absent in one atomic step ({@link RunDirectory#createIfAbsent}),
 * holding {@code host}, {@code pid}, {@code started} (ISO-8601, UTC) and {@code run} lines.
 *
 * <p>Stale locks. A lock left by a process that died without releasing it ({@code kill -9}, a lost machine):
 * <ul>
 *   <li>when its host is this host and its process no longer runs, it is broken at once (it cannot be in use);</li>
 *   <li>otherwise, when it is older than {@code hpo.nightly.lock-stale-hours}, it is broken only when asked
 *       ({@code --break-lock}), because a process on another host cannot be checked from here;</li>
 *   <li>otherwise the run ends with {@link LockHeldException} (exit code 4) naming the lock.</li>
 * </ul>
 *
 * <p>Lifecycle: acquired by the nightly job on the driver before it touches any run directory, released in a
 * {@code finally} (try-with-resources) when the run ends, whatever the outcome.
 */
public final class RunLock implements AutoCloseable {
    /** The lock's file name in the output directory. */
    public static final String FILE_NAME = "nightly.lock";

    private final RunDirectory root;
    private final String content;

    private RunLock(RunDirectory root, String content) {
        this.root = root;
        this.content = content;
    }

    /**
     * @param root the output directory
     * @param runId the run that will hold the lock
     * @param staleAfter the age from which a lock may be broken with {@code breakStale}
     * @param breakStale whether to break a lock older than {@code staleAfter}
     * @return the held lock
     * @throws LockHeldException when another run holds it
     */
    public static RunLock acquire(RunDirectory root, String runId, Duration staleAfter, boolean breakStale) {
        String content = describe(runId);
        if (root.createIfAbsent(FILE_NAME, content)) {
            return new RunLock(root, content);
        }
        String held = root.exists(FILE_NAME) ? root.read(FILE_NAME) : "";
        Map<String, String> holder = parse(held);
        String reason = breakReason(holder, staleAfter, breakStale);
        if (reason != null && root.read(FILE_NAME).equals(held)) {
            root.delete(FILE_NAME);
            if (root.createIfAbsent(FILE_NAME, content)) {
                return new RunLock(root, content);
            }
        }
        throw new LockHeldException(root.resolve(FILE_NAME) + ": held by run '" + holder.get("run") + "' (host "
                + holder.get("host") + ", pid " + holder.get("pid") + ", since " + holder.get("started")
                + "); another run is writing to this output directory. A lock older than " + staleAfter.toHours()
                + " hours (hpo.nightly.lock-stale-hours) may be broken with --break-lock");
    }

    /** @return why {@code holder}'s lock may be broken now, or null when it may not */
    static String breakReason(Map<String, String> holder, Duration staleAfter, boolean breakStale) {
        if (thisHost().equals(holder.get("host")) && !processRuns(holder.get("pid"))) {
            return "its process is gone";
        }
        Instant started = started(holder.get("started"));
        if (breakStale && (started == null || started.plus(staleAfter).isBefore(Instant.now()))) {
            return "older than " + staleAfter;
        }
        return null;
    }

    /** Deletes the lock, unless another run broke it and holds it now. */
    @Override
    public void close() {
        if (root.exists(FILE_NAME) && root.read(FILE_NAME).equals(content)) {
            root.delete(FILE_NAME);
        }
    }

    private static String describe(String runId) {
        return "host=" + thisHost() + "\npid=" + ProcessHandle.current().pid() + "\nstarted="
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\nrun=" + runId + "\n";
    }

    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        return values;
    }

    private static boolean processRuns(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException | NullPointerException e) {
            return true;
        }
    }

    private static Instant started(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
