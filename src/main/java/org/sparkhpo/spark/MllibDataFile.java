package org.sparkhpo.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SparseMatrix;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;

/**
 * Writes the one-row Parquet file of an MLlib model's data (its writer's {@code Data} case class) as Spark's
 * Parquet writer would, without a SQL session: the columns in Spark's standard layout (bytes as annotated INT32,
 * arrays as three-level LIST groups, vectors and matrices as the structs of MLlib's {@code VectorUDT} and
 * {@code MatrixUDT}, primitives required and objects optional, as Spark's encoders make them) and the Spark schema
 * as JSON in the footer under Spark's row-metadata key, so Spark reads the columns back as vectors and matrices.
 *
 * <p>Written by hand because Spark's writer needs a SQL session and a Spark job for one row, and even Spark's
 * schema classes cost most of a second of class initialization on a fresh driver; the file layer is Apache
 * Parquet's (parquet-hadoop, shipped with Spark). The layouts follow {@code VectorUDT.serialize} and
 * {@code MatrixUDT.serialize}; a test compares schema, footer and loaded model with files MLlib wrote.
 */
final class MllibDataFile {
    /** The footer key under which Spark stores the schema of the rows (Spark's {@code ParquetReadSupport}). */
    static final String ROW_METADATA_KEY = "org.apache.spark.sql.parquet.row.metadata";
    /** The footer key under which Spark stores the version that wrote the file. */
    static final String SPARK_VERSION_KEY = "org.apache.spark.version";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte SPARSE = 0;
    private static final byte DENSE = 1;

    /** The column types of MLlib's linear-model data rows. */
    enum Kind {
        INT("integer"), DOUBLE("double"), BOOLEAN("boolean"), VECTOR("vector"), MATRIX("matrix");

        /** Spark's name of a scalar column's type (vectors and matrices are user-defined structs) */
        private final String sparkType;

        Kind(String sparkType) {
            this.sparkType = sparkType;
        }
    }

    /**
     * One column of the row.
     *
     * @param name the case-class field name
     * @param kind its type
     * @param value an Integer, Double, Boolean, {@link Vector} or {@link Matrix}
     */
    record Column(String name, Kind kind, Object value) {
    }

    /** A field of a struct in Spark's schema: name, Spark type name, nullable. */
    private record Field(String name, String sparkType, boolean nullable) {
    }

    /** VectorUDT's SQL struct. */
    private static final List<Field> VECTOR_FIELDS = List.of(new Field("type", "byte", false),
            new Field("size", "integer", true), new Field("indices", "integer[]", true),
            new Field("values", "double[]", true));
    /** MatrixUDT's SQL struct. */
    private static final List<Field> MATRIX_FIELDS = List.of(new Field("type", "byte", false),
            new Field("numRows", "integer", false), new Field("numCols", "integer", false),
            new Field("colPtrs", "integer[]", true), new Field("rowIndices", "integer[]", true),
            new Field("values", "double[]", true), new Field("isTransposed", "boolean", false));

    private MllibDataFile() {
    }

    /**
     * @param file the file to create (it must not exist)
     * @param columns the row, in the case class's field order
     * @param sparkVersion the Spark version recorded in the footer
     * @param hadoopConf the Hadoop configuration of the file system
     * @throws IOException when the file system fails
     */
    static void write(Path file, List<Column> columns, String sparkVersion, Configuration hadoopConf)
            throws IOException {
        MessageType schema = parquetSchema(columns);
        Map<String, String> footer = Map.of(SPARK_VERSION_KEY, sparkVersion, ROW_METADATA_KEY,
                sparkSchemaJson(columns));
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(file, hadoopConf))
                .withConf(hadoopConf)
                .withType(schema)
                .withExtraMetaData(footer)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .build()) {
            Group row = new SimpleGroupFactory(schema).newGroup();
            for (Column column : columns) {
                addValue(row, column);
            }
            writer.write(row);
        }
    }

    /** @return the Parquet schema Spark's writer uses for the row (message {@code spark_schema}) */
    static MessageType parquetSchema(List<Column> columns) {
        return new MessageType("spark_schema", columns.stream().map(column -> switch (column.kind()) {
            case VECTOR -> struct(column.name(), VECTOR_FIELDS);
            case MATRIX -> struct(column.name(), MATRIX_FIELDS);
            default -> field(scalarField(column));
        }).toList());
    }

    /** @return a scalar column as a required field (Spark's encoders make primitives non-nullable) */
    private static Field scalarField(Column column) {
        return new Field(column.name(), column.kind().sparkType, false);
    }

    private static Type struct(String name, List<Field> fields) {
        return Types.optionalGroup().addFields(fields.stream().map(MllibDataFile::field).toArray(Type[]::new))
                .named(name);
    }

    private static Type field(Field field) {
        Repetition repetition = field.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
        return switch (field.sparkType()) {
            case "byte" -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.intType(8, true)).named(field.name());
            case "integer" -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(field.name());
            case "double" -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(field.name());
            case "boolean" -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(field.name());
            case "integer[]", "double[]" -> Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup().addField(field(new Field("element",
                            elementType(field.sparkType()), false))).named("list"))
                    .named(field.name());
            default -> throw new IllegalArgumentException("no Parquet column for " + field.sparkType());
        };
    }

    /** @return Spark's schema JSON ({@code StructType.json}) for the row, with the vector and matrix UDTs */
    static String sparkSchemaJson(List<Column> columns) {
        ArrayNode fields = JSON.createArrayNode();
        for (Column column : columns) {
            switch (column.kind()) {
                case VECTOR -> fields.add(udtFieldJson(column.name(), "VectorUDT", VECTOR_FIELDS));
                case MATRIX -> fields.add(udtFieldJson(column.name(), "MatrixUDT", MATRIX_FIELDS));
                default -> fields.add(fieldJson(scalarField(column)));
            }
        }
        return structJson(fields).toString();
    }

    private static ObjectNode structJson(ArrayNode fields) {
        ObjectNode struct = JSON.createObjectNode();
        struct.put("type", "struct");
        struct.set("fields", fields);
        return struct;
    }

    private static ObjectNode fieldJson(Field field) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", field.name());
        if (field.sparkType().endsWith("[]")) {
            ObjectNode array = node.putObject("type");
            array.put("type", "array");
            array.put("elementType", elementType(field.sparkType()));
            array.put("containsNull", false);
        } else {
            node.put("type", field.sparkType());
        }
        node.put("nullable", field.nullable());
        node.putObject("metadata");
        return node;
    }

    private static ObjectNode udtFieldJson(String name, String udtClass, List<Field> sqlFields) {
        ArrayNode fields = JSON.createArrayNode();
        sqlFields.forEach(field -> fields.add(fieldJson(field)));
        ObjectNode node = JSON.createObjectNode();
        node.put("name", name);
        ObjectNode udt = node.putObject("type");
        udt.put("type", "udt");
        udt.put("class", "org.apache.spark.ml.linalg." + udtClass);
        udt.put("pyClass", "pyspark.ml.linalg." + udtClass);
        udt.set("sqlType", structJson(fields));
        node.put("nullable", true);
        node.putObject("metadata");
        return node;
    }

    private static String elementType(String arrayType) {
        return arrayType.substring(0, arrayType.length() - 2);
    }

    private static void addValue(Group row, Column column) {
        switch (column.kind()) {
            case INT -> row.add(column.name(), (Integer) column.value());
            case DOUBLE -> row.add(column.name(), (Double) column.value());
            case BOOLEAN -> row.add(column.name(), (Boolean) column.value());
            case VECTOR -> addVector(row.addGroup(column.name()), (Vector) column.value());
            case MATRIX -> addMatrix(row.addGroup(column.name()), (Matrix) column.value());
        }
    }

    /** As {@code VectorUDT.serialize}: dense = (1, -, -, values), sparse = (0, size, indices, values). */
    private static void addVector(Group group, Vector vector) {
        if (vector instanceof SparseVector sparse) {
            group.add("type", (int) SPARSE);
            group.add("size", sparse.size());
            addInts(group, "indices", sparse.indices());
            addDoubles(group, "values", sparse.values());
        } else {
            group.add("type", (int) DENSE);
            addDoubles(group, "values", ((DenseVector) vector).values());
        }
    }

    /**
     * As {@code MatrixUDT.serialize}: dense = (1, rows, cols, -, -, values, transposed), sparse = (0, rows, cols,
     * colPtrs, rowIndices, values, transposed).
     */
    private static void addMatrix(Group group, Matrix matrix) {
        boolean sparse = matrix instanceof SparseMatrix;
        group.add("type", (int) (sparse ? SPARSE : DENSE));
        group.add("numRows", matrix.numRows());
        group.add("numCols", matrix.numCols());
        if (sparse) {
            addInts(group, "colPtrs", ((SparseMatrix) matrix).colPtrs());
            addInts(group, "rowIndices", ((SparseMatrix) matrix).rowIndices());
            addDoubles(group, "values", ((SparseMatrix) matrix).values());
        } else {
            addDoubles(group, "values", ((DenseMatrix) matrix).values());
        }
        group.add("isTransposed", matrix.isTransposed());
    }

    private static void addInts(Group parent, String name, int[] values) {
        Group list = parent.addGroup(name);
        for (int value : values) {
            list.addGroup("list").add("element", value);
        }
    }

    private static void addDoubles(Group parent, String name, double[] values) {
        Group list = parent.addGroup(name);
        for (double value : values) {
            list.addGroup("list").add("element", value);
        }
    }
}
