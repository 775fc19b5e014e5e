package org.sparkhpo.spark;

import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Spark SQL functions on {@code ml.linalg.Vector} columns that Spark does not offer (its
 * {@code vector_to_array} would make every sparse vector dense), evaluated on the executors. A null vector
 * gives null.
 */
final class VectorFunctions {
    /** The vector's size (its number of features). */
    static final UserDefinedFunction SIZE = functions.udf(
            (UDF1<Vector, Integer>) v -> v == null ? null : v.size(), DataTypes.IntegerType);
    /** The number of non-zero values. */
    static final UserDefinedFunction NON_ZEROS = functions.udf(
            (UDF1<Vector, Integer>) v -> v == null ? null : v.numNonzeros(), DataTypes.IntegerType);
    /** Whether the vector is a {@code SparseVector}. */
    static final UserDefinedFunction IS_SPARSE = functions.udf(
            (UDF1<Vector, Boolean>) v -> v == null ? null : v instanceof SparseVector, DataTypes.BooleanType);
    /** Whether any stored value is NaN or infinite. */
    static final UserDefinedFunction HAS_NON_FINITE = functions.udf(
            (UDF1<Vector, Boolean>) VectorFunctions::hasNonFinite, DataTypes.BooleanType);

    private VectorFunctions() {
    }

    private static Boolean hasNonFinite(Vector vector) {
        if (vector == null) {
            return null;
        }
        double[] values = vector instanceof SparseVector sparse ? sparse.values() : vector.toArray();
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return true;
            }
        }
        return false;
    }
}
