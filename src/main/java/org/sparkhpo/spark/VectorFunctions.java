package org.sparkhpo.spark;

import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark SQL functions on {@code ml.linalg.Vector} columns that Spark does not offer (its
 * {@code vector_to_array} would make every sparse vector dense), evaluated on the executors. A null vector
 * gives null.
 */
final class VectorFunctions {
    /** The fields of {@link #PROFILE}: size, non-zeros, whether sparse, whether any value is NaN or infinite. */
    static final StructType PROFILE_TYPE = new StructType()
            .add("size", DataTypes.IntegerType, false)
            .add("nonZeros", DataTypes.LongType, false)
            .add("sparse", DataTypes.BooleanType, false)
            .add("nonFinite", DataTypes.BooleanType, false);
    /**
     * Everything the checks need from a vector in one call, so each row's vector is deserialized once:
     * a struct of {@link #PROFILE_TYPE}, null for a null vector.
     */
    static final UserDefinedFunction PROFILE = functions.udf(
            (UDF1<Vector, Row>) VectorFunctions::profile, PROFILE_TYPE);

    private VectorFunctions() {
    }

    private static Row profile(Vector vector) {
        if (vector == null) {
            return null;
        }
        return RowFactory.create(vector.size(), (long) vector.numNonzeros(), vector instanceof SparseVector,
                hasNonFinite(vector));
    }

    private static boolean hasNonFinite(Vector vector) {
        double[] values = vector instanceof SparseVector sparse ? sparse.values() : vector.toArray();
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return true;
            }
        }
        return false;
    }
}
