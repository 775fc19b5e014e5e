package org.sparkhpo.trial;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.sparkhpo.train.TrainingState;

/**
 * A trial's resumable training state at the end of its epoch budget, as successive halving and Hyperband
 * store it for a later trial that continues the same configuration with a larger budget.
 *
 * <p>The byte format is compact and versioned, with no Java serialization of classes, so a checkpoint can
 * be read by any later build that knows its version ({@link DataOutputStream}, big-endian):
 *
 * <pre>
 *   int    MAGIC ("HPOC")        short VERSION (2; version 1, without the last line, is still read)
 *   int    trialId               long  seed
 *   int    epochsDone            int   bestEpoch            int epochsWithoutImprovement
 *   byte   flags (1 = stopped, 2 = has best theta)
 *   double bestMetric            double referenceLoss       double lastTrainLoss
 *   int    n  (parameters)       n doubles theta            n doubles velocity     [n doubles best theta]
 *   int    h  (history length)   h doubles history
 *   double l1Total               int   m  (L1 penalties)    m doubles l1Applied
 * </pre>
 *
 * @param trialId the trial whose state this is (the file name of the checkpoint)
 * @param seed the trial seed of the run; a resumed run must have it (a check that the checkpoint is its own)
 * @param state the training state
 */
public record Checkpoint(int trialId, long seed, TrainingState state) {
    /** "HPOC": marks a spark-hpo checkpoint. */
    static final int MAGIC = 0x48504F43;
    /** The format version this build writes. */
    static final short VERSION = 2;
    /** The version before the cumulative L1 penalty's state, still read (as a state without it). */
    static final short VERSION_WITHOUT_L1 = 1;
    private static final int STOPPED = 1;
    private static final int HAS_BEST = 2;

    public Checkpoint {
        Objects.requireNonNull(state, "state");
        if (trialId < 0) {
            throw new IllegalArgumentException("checkpoint: trial id " + trialId + " must be >= 0");
        }
    }

    /** @return the checkpoint encoded in the format above */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 24 * state.theta().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeShort(VERSION);
            out.writeInt(trialId);
            out.writeLong(seed);
            out.writeInt(state.epochsDone());
            out.writeInt(state.bestEpoch());
            out.writeInt(state.epochsWithoutImprovement());
            out.writeByte((state.stopped() ? STOPPED : 0) | (state.bestTheta() != null ? HAS_BEST : 0));
            out.writeDouble(state.bestMetric());
            out.writeDouble(state.referenceLoss());
            out.writeDouble(state.lastTrainLoss());
            out.writeInt(state.theta().length);
            writeDoubles(out, state.theta());
            writeDoubles(out, state.velocity());
            if (state.bestTheta() != null) {
                writeDoubles(out, state.bestTheta());
            }
            out.writeInt(state.history().length);
            writeDoubles(out, state.history());
            out.writeDouble(state.l1Total());
            out.writeInt(state.l1Applied().length);
            writeDoubles(out, state.l1Applied());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the checkpoint of trial " + trialId, e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param bytes an encoded checkpoint
     * @param source where the bytes came from, for messages
     * @return the decoded checkpoint
     * @throws IllegalArgumentException when the bytes are not a checkpoint of this version, or are cut short
     */
    public static Checkpoint fromBytes(byte[] bytes, String source) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int magic = in.readInt();
            short version = in.readShort();
            if (magic != MAGIC || (version != VERSION && version != VERSION_WITHOUT_L1)) {
                throw new IllegalArgumentException(source + ": not a version " + VERSION_WITHOUT_L1 + " or " + VERSION
                        + " spark-hpo checkpoint (magic " + Integer.toHexString(magic) + ", version " + version + ")");
            }
            int trialId = in.readInt();
            long seed = in.readLong();
            int epochsDone = in.readInt();
            int bestEpoch = in.readInt();
            int sinceImprovement = in.readInt();
            int flags = in.readByte();
            double bestMetric = in.readDouble();
            double referenceLoss = in.readDouble();
            double lastTrainLoss = in.readDouble();
            int n = checkedLength(in.readInt(), bytes.length, source);
            double[] theta = readDoubles(in, n);
            double[] velocity = readDoubles(in, n);
            double[] best = (flags & HAS_BEST) != 0 ? readDoubles(in, n) : null;
            double[] history = readDoubles(in, checkedLength(in.readInt(), bytes.length, source));
            double l1Total = version == VERSION ? in.readDouble() : 0.0;
            double[] l1Applied = version == VERSION ? readDoubles(in, checkedLength(in.readInt(), bytes.length,
                    source)) : new double[0];
            return new Checkpoint(trialId, seed, new TrainingState(theta, velocity, epochsDone, best, bestEpoch,
                    bestMetric, sinceImprovement, referenceLoss, lastTrainLoss, (flags & STOPPED) != 0, history,
                    l1Total, l1Applied));
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": checkpoint is cut short (" + bytes.length + " bytes)", e);
        }
    }

    private static int checkedLength(int length, int available, String source) {
        if (length < 0 || (long) length * Double.BYTES > available) {
            throw new IllegalArgumentException(source + ": checkpoint array length " + length
                    + " does not fit in " + available + " bytes");
        }
        return length;
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        for (double value : values) {
            out.writeDouble(value);
        }
    }

    private static double[] readDoubles(DataInputStream in, int n) throws IOException {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }
}
