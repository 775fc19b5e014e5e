package org.sparkhpo.spark;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.classification.LinearSVCModel;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.ml.util.MLWritable;
import org.sparkhpo.data.PreparedData;
import org.sparkhpo.data.Standardizer;
import org.sparkhpo.data.TargetScaling;
import org.sparkhpo.train.LossType;

/**
 * Turns a trained linear model into the matching Spark ML model and saves it in Spark ML's own model format,
 * so a downstream job can {@code load()} it and call {@code transform()} on a {@code features} vector column:
 * softmax as a multinomial {@link LogisticRegressionModel}, logistic as a binomial one, hinge as a
 * {@link LinearSVCModel}, least squares as a {@link LinearRegressionModel}. Standardization is folded into
 * the weights ({@link Standardizer#toRawWeights}), and so is the scaling of a least-squares target
 * ({@link TargetScaling#toRawWeights}), so the saved model takes raw features and predicts in the target's units.
 *
 * <p>The models are built through their package-private Scala constructors (public in bytecode), which is
 * how MLlib's own estimators build them. They are saved in MLlib's format by {@link MllibModelFiles}, without a
 * SQL session.
 */
public final class MllibModelExporter {
    private MllibModelExporter() {
    }

    /**
     * @param loss the loss the model was trained with
     * @param theta parameters (k x d weights row-major, then k biases) for the prepared (scaled) features
     * @param data the prepared data the model was trained on: its number of features and classes, its feature
     *     scaling and its target scaling are folded into the model
     * @return the Spark ML model taking raw features
     */
    public static MLWritable toMllib(LossType loss, double[] theta, PreparedData data) {
        int numFeatures = data.numFeatures();
        int numClasses = data.numClasses();
        int k = theta.length / (numFeatures + 1);
        double[] weights = new double[k * numFeatures];
        double[] bias = new double[k];
        System.arraycopy(theta, 0, weights, 0, weights.length);
        System.arraycopy(theta, weights.length, bias, 0, k);
        data.standardizerUsed().ifPresent(standardizer -> standardizer.toRawWeights(weights, bias));
        data.targetScalingUsed().ifPresent(target -> target.toRawWeights(weights, bias));
        String uid = "spark-hpo-" + loss.configName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return switch (loss) {
            case SOFTMAX -> new LogisticRegressionModel(uid, new DenseMatrix(k, numFeatures, weights, true),
                    Vectors.dense(bias), numClasses, true);
            case LOGISTIC -> new LogisticRegressionModel(uid, Vectors.dense(weights), bias[0]);
            case HINGE -> new LinearSVCModel(uid, Vectors.dense(weights), bias[0]);
            case LEAST_SQUARES -> new LinearRegressionModel(uid, Vectors.dense(weights), bias[0]);
        };
    }

    /**
     * Saves a model under {@code target} atomically: written to a temporary sibling directory, then renamed.
     *
     * @param loss the loss the model was trained with
     * @param model the model {@link #toMllib} built for it
     * @param target the final directory, which must not exist yet
     * @param context the running Spark context (no SQL session needed)
     * @throws IOException when the file system fails
     */
    public static void save(LossType loss, MLWritable model, Path target, SparkContext context) throws IOException {
        FileSystem fs = target.getFileSystem(context.hadoopConfiguration());
        Path temporary = new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
        try {
            MllibModelFiles.write(loss, model, temporary, context);
            if (!fs.rename(temporary, target)) {
                throw new IOException("could not rename " + temporary + " to " + target);
            }
        } finally {
            if (fs.exists(temporary)) {
                fs.delete(temporary, true);
            }
        }
    }
}
