package org.sparkhpo.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.classification.LinearSVCModel;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamPair;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.ml.util.MLWritable;
import org.sparkhpo.spark.MllibDataFile.Column;
import org.sparkhpo.spark.MllibDataFile.Kind;
import org.sparkhpo.train.LossType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Writes a linear Spark ML model in MLlib's own directory format, the one its {@code load()} reads, without a
 * SQL session: {@code metadata/} holds the JSON MLlib's {@code DefaultParamsWriter} makes for the model (class,
 * uid, Spark version, parameters, each in its own encoding), {@code data/} one Parquet row laid out as
 * the model writer's {@code Data} case class:
 * <ul>
 *   <li>{@link LogisticRegressionModel}: numClasses, numFeatures, interceptVector, coefficientMatrix,
 *       isMultinomial;</li>
 *   <li>{@link LinearSVCModel}: coefficients, intercept;</li>
 *   <li>{@link LinearRegressionModel}: intercept, coefficients, scale.</li>
 * </ul>
 * Each directory gets Spark's empty {@code _SUCCESS} marker. MLlib's {@code write().save()} needs a SQL session
 * (about a second to build on a fresh driver) and runs two Spark jobs for one row; this writes the same files
 * with Apache Parquet's writer alone (figures in BENCHMARKS.md). A test writes each model both ways, compares
 * the files' schemas, footers and metadata, and loads ours with MLlib.
 */
public final class MllibModelFiles {
    static final String METADATA = "metadata";
    static final String DATA = "data";
    private static final String SUCCESS_MARKER = "_SUCCESS";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MllibModelFiles() {
    }

    /**
     * @param loss the loss the model was trained with (it decides the model class and the multinomial flag)
     * @param model the Spark ML model {@link MllibModelExporter#toMllib} built for that loss
     * @param directory the model directory to create (it must not exist)
     * @param context the running context (its version and Hadoop configuration)
     * @throws IOException when the file system fails
     */
    public static void write(LossType loss, MLWritable model, Path directory, SparkContext context)
            throws IOException {
        Configuration hadoopConf = context.hadoopConfiguration();
        FileSystem fs = directory.getFileSystem(hadoopConf);
        if (!fs.mkdirs(directory)) {
            throw new IOException("could not create " + directory);
        }
        String part = "part-00000-" + UUID.randomUUID();
        Path metadata = new Path(directory, METADATA);
        writeText(fs, new Path(metadata, part + "-c000.txt"), metadataJson((Params) model, context) + "\n");
        writeText(fs, new Path(metadata, SUCCESS_MARKER), "");
        Path data = new Path(directory, DATA);
        MllibDataFile.write(new Path(data, part + "-c000.snappy.parquet"), dataRow(loss, model), context.version(),
                hadoopConf);
        writeText(fs, new Path(data, SUCCESS_MARKER), "");
    }

    /**
     * MLlib's metadata JSON for the model, as its {@code DefaultParamsWriter.getMetadataToSave} makes it: class,
     * timestamp, Spark version, uid, the explicitly set parameters and the defaults, each value in its
     * parameter's own {@code jsonEncode}. Built here because Spark 4's version of that method starts a SQL session
     * to read the version (three seconds on a fresh driver).
     *
     * @return the JSON text
     */
    static String metadataJson(Params model, SparkContext context) {
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("class", model.getClass().getName());
        metadata.put("timestamp", System.currentTimeMillis());
        metadata.put("sparkVersion", context.version());
        metadata.put("uid", model.uid());
        metadata.set("paramMap", encoded(model.paramMap()));
        metadata.set("defaultParamMap", encoded(model.defaultParamMap()));
        return metadata.toString();
    }

    /** @return the parameters as a JSON object of name to encoded value, by name */
    @SuppressWarnings("unchecked")
    private static ObjectNode encoded(ParamMap params) {
        Map<String, JsonNode> byName = new TreeMap<>();
        for (ParamPair<?> pair : CollectionConverters.asJava(params.toSeq())) {
            String encoded = ((Param<Object>) pair.param()).jsonEncode(pair.value());
            try {
                byName.put(pair.param().name(), JSON.readTree(encoded));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("parameter " + pair.param().name() + " encodes as " + encoded, e);
            }
        }
        ObjectNode node = JSON.createObjectNode();
        byName.forEach(node::set);
        return node;
    }

    /** @return the row MLlib's model writer stores for the model trained with {@code loss} */
    static List<Column> dataRow(LossType loss, MLWritable model) {
        return switch (loss) {
            case SOFTMAX, LOGISTIC -> {
                LogisticRegressionModel logistic = (LogisticRegressionModel) model;
                yield List.of(new Column("numClasses", Kind.INT, logistic.numClasses()),
                        new Column("numFeatures", Kind.INT, logistic.numFeatures()),
                        new Column("interceptVector", Kind.VECTOR, logistic.interceptVector()),
                        new Column("coefficientMatrix", Kind.MATRIX, logistic.coefficientMatrix()),
                        new Column("isMultinomial", Kind.BOOLEAN, loss == LossType.SOFTMAX));
            }
            case HINGE -> {
                LinearSVCModel svc = (LinearSVCModel) model;
                yield List.of(new Column("coefficients", Kind.VECTOR, svc.coefficients()),
                        new Column("intercept", Kind.DOUBLE, svc.intercept()));
            }
            case LEAST_SQUARES -> {
                LinearRegressionModel linear = (LinearRegressionModel) model;
                yield List.of(new Column("intercept", Kind.DOUBLE, linear.intercept()),
                        new Column("coefficients", Kind.VECTOR, linear.coefficients()),
                        new Column("scale", Kind.DOUBLE, linear.scale()));
            }
        };
    }

    private static void writeText(FileSystem fs, Path file, String text) throws IOException {
        try (OutputStream out = fs.create(file, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
