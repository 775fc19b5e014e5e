package org.sparkhpo.report;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.sparkhpo.trial.Checkpoint;
import org.sparkhpo.trial.CheckpointStore;

/**
 * Checkpoints as files {@code <run dir>/checkpoints/trial-<id>.ckpt} on any Hadoop file system (file://,
 * hdfs://, s3a://), written through the Hadoop FileSystem API from inside Spark tasks. A file is written
 * whole under a temporary sibling name and renamed into place (on object stores, where a rename is a copy,
 * it is written in place, which the store publishes whole on close), so a reader finds a whole checkpoint
 * or none.
 *
 * <p>Lifecycle: cheap; built where it is used from the directory's URI string and a Hadoop configuration
 * made there (on an executor: from the Spark configuration's {@code spark.hadoop.*} keys), since a
 * {@link Configuration} is not serializable. Not thread-safe; one per task.
 */
public final class HadoopCheckpointStore implements CheckpointStore {
    /** The directory under the run directory that holds the checkpoints. */
    public static final String DIRECTORY = "checkpoints";

    private final Path directory;
    private final FileContext files;
    private final ReplaceMethod replaceMethod;

    /**
     * @param directory the fully qualified checkpoint directory, for example
     *     {@code RunDirectory.resolve(DIRECTORY).toString()}
     * @param conf the Hadoop configuration; copied, not changed
     */
    public HadoopCheckpointStore(String directory, Configuration conf) {
        this.directory = new Path(directory);
        try {
            this.files = FileContext.getFileContext(this.directory.toUri(), RunDirectory.withoutLocalChecksums(conf));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the checkpoint directory " + directory, e);
        }
        this.replaceMethod = ReplaceMethod.forScheme(files.makeQualified(this.directory).toUri().getScheme());
    }

    /** @return the path of trial {@code trialId}'s checkpoint */
    public Path path(int trialId) {
        return new Path(directory, "trial-" + trialId + ".ckpt");
    }

    @Override
    public void write(Checkpoint checkpoint) {
        Path target = path(checkpoint.trialId());
        byte[] bytes = checkpoint.toBytes();
        try {
            if (replaceMethod == ReplaceMethod.DIRECT_WRITE) {
                RunDirectory.writeWhole(files, target, bytes);
                return;
            }
            Path temp = new Path(directory, target.getName() + RunDirectory.TEMP_INFIX + UUID.randomUUID());
            try {
                RunDirectory.writeWhole(files, temp, bytes);
                files.rename(temp, target, Options.Rename.OVERWRITE);
            } catch (IOException | RuntimeException e) {
                files.delete(temp, false);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + RunDirectory.reason(e), e);
        }
    }

    @Override
    public Checkpoint read(int trialId) {
        Path source = path(trialId);
        try (InputStream in = files.open(source)) {
            Checkpoint checkpoint = Checkpoint.fromBytes(in.readAllBytes(), source.toString());
            if (checkpoint.trialId() != trialId) {
                throw new IllegalStateException(source + ": holds the checkpoint of trial " + checkpoint.trialId());
            }
            return checkpoint;
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("no checkpoint of trial " + trialId + " at " + source, e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read checkpoint " + source + ": " + RunDirectory.reason(e), e);
        }
    }

    /** @return whether trial {@code trialId} has a checkpoint */
    public boolean exists(int trialId) {
        try {
            return files.util().exists(path(trialId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up " + path(trialId), e);
        }
    }

    /** Deletes the checkpoint directory and everything in it (nothing happens when it does not exist). */
    public void deleteAll() {
        try {
            if (files.util().exists(directory)) {
                files.delete(directory, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the checkpoints in " + directory, e);
        }
    }
}
