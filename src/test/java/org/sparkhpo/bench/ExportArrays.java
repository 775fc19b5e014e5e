package org.sparkhpo.bench;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sparkhpo.config.JobSettings;
import org.sparkhpo.config.SettingsLoader;
import org.sparkhpo.data.LabeledData;
import org.sparkhpo.data.DataPreparer;
import org.sparkhpo.data.PreparedData;

/**
 * Writes the prepared (split, standardized) arrays of a configuration as raw little-endian float32 features and
 * labels, so the scikit-learn baseline trains on exactly the rows spark-hpo trains on.
 * Files: {@code train-x.f32, train-y.f32, test-x.f32, test-y.f32} and {@code shape.txt} (rows and columns).
 *
 * <p>Usage: {@code ExportArrays CONF OUTPUT_DIR}.
 */
public final class ExportArrays {
    private ExportArrays() {
    }

    public static void main(String[] args) throws IOException {
        JobSettings settings = SettingsLoader.load(args[0], List.of("hpo.data.precision=double"));
        PreparedData data = DataPreparer.prepare(settings.data(), settings.model().loss().task(),
                settings.model().numClasses(), settings.seed());
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        write(out, "train", data.train());
        write(out, "test", data.test());
        Files.writeString(out.resolve("shape.txt"), data.train().rows() + " " + data.test().rows() + " "
                + data.numFeatures() + "\n");
    }

    private static void write(Path dir, String name, LabeledData part) throws IOException {
        int d = part.features().columns();
        ByteBuffer row = ByteBuffer.allocate(4 * d).order(ByteOrder.LITTLE_ENDIAN);
        try (DataOutputStream x = new DataOutputStream(new BufferedOutputStream(
                new FileOutputStream(dir.resolve(name + "-x.f32").toFile()), 1 << 20));
             DataOutputStream y = new DataOutputStream(new BufferedOutputStream(
                     new FileOutputStream(dir.resolve(name + "-y.f32").toFile())))) {
            for (int r = 0; r < part.rows(); r++) {
                row.clear();
                for (int c = 0; c < d; c++) {
                    row.putFloat((float) part.features().get(r, c));
                }
                x.write(row.array());
                y.writeInt(Integer.reverseBytes(Float.floatToIntBits((float) part.labels()[r])));
            }
        }
    }
}
