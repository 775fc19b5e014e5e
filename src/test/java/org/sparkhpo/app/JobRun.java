package org.sparkhpo.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One in-process run of the job as the end-to-end tests see it: {@link HpoJob#run}'s exit code and what it printed
 * on standard error (the one-line messages of exit codes 1 and 2), captured for the run only.
 *
 * @param code the exit code
 * @param stderr what the run wrote to standard error
 */
record JobRun(int code, String stderr) {

    /** @return the run of the job with {@code args} */
    static JobRun of(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return new JobRun(HpoJob.run(args), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    /** @return the run of the job with {@code args} */
    static JobRun of(List<String> args) {
        return of(args.toArray(new String[0]));
    }
}
