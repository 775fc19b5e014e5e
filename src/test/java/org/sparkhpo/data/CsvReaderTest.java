package org.sparkhpo.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.common.InvalidInputException;

class CsvReaderTest {
    @TempDir
    Path dir;

    @Test
    void labelColumnIsTakenOutAndOtherColumnsKeepTheirOrder() {
        LabeledData data = CsvReader.read(TestFiles.resource("small.csv"), "label");
        DenseFeatures features = assertInstanceOf(DenseFeatures.class, data.features());
        assertEquals(4, features.rows());
        assertEquals(3, features.columns());
        assertArrayEquals(new double[] {0, 1, 1, 0}, data.labels());
        assertArrayEquals(new double[] {1.5, 2, -3, 0, 0.25, 400, -1, 7, 0, 2, 2, 1}, features.values());
    }

    @Test
    void byteOrderMarkQuotedHeaderAndCrlfAreAccepted() {
        LabeledData data = CsvReader.read(TestFiles.resource("bom-crlf.csv"), "y");
        assertArrayEquals(new double[] {1, -1, 1}, data.labels());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6.5}, ((DenseFeatures) data.features()).values());
        // the quoted first header name "a" (right after the byte-order mark) can be the label too
        assertArrayEquals(new double[] {1, 3, 5}, CsvReader.read(TestFiles.resource("bom-crlf.csv"), "a").labels());
    }

    @Test
    void gzippedCsvAndBlankLinesAreAccepted() {
        String file = TestFiles.write(dir, "t.csv.gz", "y,x\n1,2\n\n0,3\n");
        LabeledData data = CsvReader.read(file, "y");
        assertArrayEquals(new double[] {1, 0}, data.labels());
        assertEquals(3.0, data.features().get(1, 0));
    }

    @Test
    void headerOnlyIsAnError() {
        String file = TestFiles.write(dir, "header.csv", "x,y\n");
        assertMessage(file, "y", file + ": no data rows after the header");
    }

    @Test
    void missingLabelColumnListsTheHeader() {
        String file = TestFiles.write(dir, "nolabel.csv", "x1,x2,target\n1,2,3\n");
        assertMessage(file, "label", file + ": label column 'label' is not in the header (x1, x2, target)");
    }

    @Test
    void unparsableNumberNamesLineColumnAndValue() {
        String file = TestFiles.write(dir, "bad.csv", "x1,x2,y\n1,2,0\n1,abc,1\n");
        assertMessage(file, "y", file + ":3: column 'x2': 'abc' is not a number");
    }

    @Test
    void unparsableLabelNamesTheLabelColumn() {
        String file = TestFiles.write(dir, "badlabel.csv", "x1,y\n1,cat\n");
        assertMessage(file, "y", file + ":2: column 'y': 'cat' is not a number");
    }

    @Test
    void rowsOfDifferentLengthsAreAnError() {
        String file = TestFiles.write(dir, "ragged.csv", "x1,x2,y\n1,2,0\n3,1\n");
        assertMessage(file, "y", file + ":3: expected 3 fields, found 2");
    }

    @Test
    void nonFiniteFeatureIsAnError() {
        String file = TestFiles.write(dir, "nan.csv", "x1,x2,y\n1,2,0\n1,2,1\n1,NaN,0\n");
        assertMessage(file, "y", file + ":4: column 'x2': NaN is not finite");
    }

    @Test
    void emptyLabelIsAnError() {
        String file = TestFiles.write(dir, "empty-label.csv", "x1,y\n1,0\n2, \n");
        assertMessage(file, "y", file + ":3: empty label in column 'y'");
    }

    @Test
    void emptyFeatureIsNotANumber() {
        String file = TestFiles.write(dir, "empty-feature.csv", "x1,x2,y\n1,,0\n");
        assertMessage(file, "y", file + ":2: column 'x2': '' is not a number");
    }

    private static void assertMessage(String file, String labelColumn, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CsvReader.read(file, labelColumn));
        assertEquals(expected, e.getMessage());
    }
}
