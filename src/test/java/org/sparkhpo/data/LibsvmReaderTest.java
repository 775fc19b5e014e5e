package org.sparkhpo.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparkhpo.common.InvalidInputException;

class LibsvmReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsSparseRowsWithZeroBasedColumns() {
        LabeledData data = LibsvmReader.read(TestFiles.resource("small.libsvm"), 0);
        SparseFeatures features = assertInstanceOf(SparseFeatures.class, data.features());
        assertArrayEquals(new double[] {1, -1, 1, -1}, data.labels());
        assertEquals(5, features.columns());
        assertArrayEquals(new int[] {0, 2, 4, 5, 10}, features.rowStart());
        assertArrayEquals(new int[] {0, 2, 1, 4, 3, 0, 1, 2, 3, 4}, features.columnIndices());
        assertArrayEquals(new double[] {0.5, 2, 1.25, -3, 1e-3, 1, 1, 1, 1, 1}, features.values());
        assertEquals(0.0, features.get(0, 1));
        assertEquals(2.0, features.get(0, 2));
    }

    @Test
    void givenNumberOfFeaturesWidensTheMatrix() {
        LabeledData data = LibsvmReader.read(TestFiles.resource("small.libsvm"), 9);
        assertEquals(9, data.features().columns());
        assertEquals(-3.0, data.features().get(1, 4));
    }

    @Test
    void readsGzippedFiles() {
        String gz = TestFiles.write(dir, "tiny.libsvm.gz", "0 2:4\n1 1:3 7:1\n");
        LabeledData data = LibsvmReader.read(gz, 0);
        assertEquals(7, data.features().columns());
        assertEquals(4.0, data.features().get(0, 1));
        assertEquals(1.0, data.features().get(1, 6));
        assertArrayEquals(new double[] {0, 1}, data.labels());
    }

    static Stream<Arguments> brokenLines() {
        return Stream.of(
                Arguments.of("1 0:1.0", 0, "feature index 0: LIBSVM indices start at 1"),
                Arguments.of("1 a:2", 0, "feature index 'a' is not a number"),
                Arguments.of("1 -3:2", 0, "feature index '-3' is not a number"),
                Arguments.of("1 3:x", 0, "value 'x' of feature 3 is not a number"),
                Arguments.of("1 3:NaN", 0, "value NaN of feature 3 is not finite"),
                Arguments.of("1 3:-Infinity", 0, "value -Infinity of feature 3 is not finite"),
                Arguments.of("1:2 3:4", 0, "missing label: the line starts with feature '1:2'"),
                Arguments.of("abc 1:2", 0, "label 'abc' is not a number"),
                Arguments.of("1 3:1 2:1", 0, "feature index 2 follows 3: indices must increase within a row"),
                Arguments.of("1 2:1 2:1", 0, "feature index 2 follows 2: indices must increase within a row"),
                Arguments.of("1 12", 0, "'12' is not index:value"),
                Arguments.of("1 3:1", 2, "feature index 3 is larger than the number of features (2)"));
    }

    @ParameterizedTest
    @MethodSource("brokenLines")
    void brokenLineIsNamedWithFileAndLine(String line, int numFeatures, String problem) {
        String file = TestFiles.write(dir, "broken.libsvm", "# header comment\n\n-1 1:1\n" + line + "\n1 2:2\n");
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> LibsvmReader.read(file, numFeatures));
        assertEquals(file + ":4: " + problem, e.getMessage());
    }

    @Test
    void onlyCommentsIsAnError() {
        String file = TestFiles.write(dir, "comments.libsvm", "# nothing\n\n   \n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LibsvmReader.read(file, 0));
        assertEquals(file + ": no data rows", e.getMessage());
    }

    @Test
    void rowWithoutFeaturesIsAnAllZeroRow() {
        String file = TestFiles.write(dir, "zero.libsvm", "1\n0 2:1\n");
        LabeledData data = LibsvmReader.read(file, 0);
        assertEquals(2, data.rows());
        assertEquals(0.0, data.features().get(0, 1));
        assertEquals(1.0, data.features().get(1, 1));
    }
}
