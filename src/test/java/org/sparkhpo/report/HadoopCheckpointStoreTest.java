package org.sparkhpo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.train.TrainingState;
import org.sparkhpo.trial.Checkpoint;

class HadoopCheckpointStoreTest {
    @TempDir
    Path run;

    private HadoopCheckpointStore store() {
        return new HadoopCheckpointStore(run.resolve("checkpoints").toUri().toString(), new Configuration());
    }

    @Test
    void writesWholeFilesWithoutTemporariesOrChecksumsAndReadsThemBack() throws IOException {
        HadoopCheckpointStore store = store();
        TrainingState state = new TrainingState(new double[] {1, 2}, new double[] {3, 4}, 3, new double[] {5, 6}, 2,
                0.5, 1, 0.7, 0.4, false, new double[] {0.1, 0.5, 0.4});
        store.write(new Checkpoint(4, 11L, state));
        assertEquals(state, store.read(4).state());
        assertEquals(11L, store.read(4).seed());
        assertTrue(store.exists(4));
        try (var files = Files.list(run.resolve("checkpoints"))) {
            assertEquals(List.of("trial-4.ckpt"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aMissingCheckpointNamesTheTrialAndDeleteAllRemovesTheDirectory() {
        HadoopCheckpointStore store = store();
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> store.read(9));
        assertTrue(missing.getMessage().contains("trial 9"), missing.getMessage());
        store.write(new Checkpoint(1, 1, TrainingState.initial(2)));
        store.deleteAll();
        assertFalse(Files.exists(run.resolve("checkpoints")));
        assertFalse(store.exists(1));
        store.deleteAll();
    }
}
