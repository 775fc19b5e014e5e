package org.sparkhpo.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.SparkConf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link DriverCores}: the driver's cores from the master and {@code spark.driver.cores}, capped by the JVM's. */
class DriverCoresTest {
    @ParameterizedTest(name = "{0} with spark.driver.cores={1} on {2} cores: {3}")
    @CsvSource({
        "local, -, 8, 1",
        "local[3], -, 8, 3",
        "local[3], -, 2, 2",
        "local[*], -, 6, 6",
        "'local[4, 2]', -, 8, 4",
        "'local-cluster[2,1,1024]', -, 8, 1",
        "spark://host:7077, -, 8, 1",
        "spark://host:7077, 4, 8, 4",
        "yarn, 16, 8, 8",
        "yarn, -, 8, 1"})
    void coresFollowTheMasterThenSparkDriverCores(String master, String driverCores, int available, int expected) {
        SparkConf conf = new SparkConf(false);
        if (!driverCores.equals("-")) {
            conf.set("spark.driver.cores", driverCores);
        }
        assertEquals(expected, DriverCores.of(master, conf, available));
    }
}
