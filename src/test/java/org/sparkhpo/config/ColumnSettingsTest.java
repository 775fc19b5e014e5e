package org.sparkhpo.config;

import static org.sparkhpo.config.SettingsRejections.assertRejected;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkhpo.data.ColumnSettings;
import org.sparkhpo.data.DataFormat;
import org.sparkhpo.data.DataSettings;

/** The column keys of Parquet files and tables: defaults, precedence, and the rules on names. */
class ColumnSettingsTest {
    private static DataSettings load(String... overrides) {
        return SettingsLoader.load(null, List.of(overrides)).data();
    }

    @Test
    void defaultsAreMllibsLabelAndFeaturesVector() {
        ColumnSettings columns = load().columns();
        assertEquals(ColumnSettings.MLLIB_DEFAULTS, columns);
        assertEquals(ColumnSettings.Layout.VECTOR, columns.layout());
    }

    @Test
    void listedColumnsWinOverTheVectorColumnAndAnEmptyVectorColumnMeansAllButTheLabel() {
        ColumnSettings listed = load("hpo.data.feature-columns=[a, b]", "hpo.data.label-column=y").columns();
        assertEquals(ColumnSettings.Layout.LISTED_COLUMNS, listed.layout());
        assertEquals(List.of("a", "b"), listed.featureColumns());
        assertEquals("y", listed.labelColumn());
        assertEquals(ColumnSettings.Layout.ALL_BUT_LABEL, load("hpo.data.features-column=\"\"").columns().layout());
    }

    @Test
    void badColumnNamesAreRejectedNamingTheKey() {
        assertRejected(List.of("hpo.data.label-column=\"\""), "hpo.data.label-column", "must not be empty");
        assertRejected(List.of("hpo.data.feature-columns=[a, label]"), "hpo.data.feature-columns",
                "other than the label column 'label'");
        assertRejected(List.of("hpo.data.feature-columns=[a, a]"), "hpo.data.feature-columns", "distinct");
        assertRejected(List.of("hpo.data.features-column=label"), "hpo.data.features-column",
                "must differ from hpo.data.label-column");
        assertRejected(List.of("hpo.data.feature-columns=a"), "hpo.data.feature-columns", "list of strings");
    }

    @Test
    void parquetIsAFormatAndTablePrefixAlwaysNamesATable() {
        assertEquals(DataFormat.PARQUET, load("hpo.data.format=parquet").format());
        assertEquals(DataFormat.PARQUET, DataFormat.AUTO.resolve("hdfs:///data/train.parquet"));
        assertEquals(DataFormat.TABLE, DataFormat.AUTO.resolve("table:db.train"));
        assertEquals(DataFormat.TABLE, DataFormat.LIBSVM.resolve("table:train"));
        assertEquals(DataFormat.PARQUET, DataFormat.PARQUET.resolve("hdfs:///data/train"));
        assertRejected(List.of("hpo.data.format=table"), "hpo.data.format", "parquet");
    }
}
