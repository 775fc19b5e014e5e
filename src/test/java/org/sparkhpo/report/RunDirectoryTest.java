package org.sparkhpo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FileContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkhpo.common.InvalidInputException;

class RunDirectoryTest {
    @TempDir
    Path temp;

    @Test
    void createMakesMissingParentsAndLeavesNoProbeFile() {
        RunDirectory directory = RunDirectory.create(temp.resolve("out/nested").toString(), "run-1",
                new Configuration());

        Path run = temp.resolve("out/nested/run-1");
        assertTrue(Files.isDirectory(run));
        assertEquals(List.of(), Fixtures.listing(run));
        assertEquals(run.toUri().getPath().replaceAll("/$", ""), directory.path().toUri().getPath());
        assertEquals("file", directory.path().toUri().getScheme());
    }

    @Test
    void createUnderARegularFileNamesTheKey() throws IOException {
        Path plain = Files.writeString(temp.resolve("plain"), "x");
        String outputDir = plain.resolve("out").toString();

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RunDirectory.create(outputDir, "run-1", new Configuration()));

        assertTrue(e.getMessage().startsWith("hpo.output.dir: '" + outputDir + "' cannot be written: "),
                e.getMessage());
        assertEquals("x", Files.readString(plain));
    }

    @Test
    void createWhereFilesCannotBeWrittenNamesTheKey() {
        String outputDir = "rofile://" + temp.resolve("out");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RunDirectory.create(outputDir, "run-1", FaultyLocalFs.configuration()));

        assertTrue(e.getMessage().startsWith("hpo.output.dir: '" + outputDir + "' cannot be written: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    }

    @Test
    void createRejectsARunIdThatIsNotOneSegment() {
        assertThrows(IllegalArgumentException.class,
                () -> RunDirectory.create(temp.toString(), "a/b", new Configuration()));
        assertThrows(IllegalArgumentException.class,
                () -> RunDirectory.create(temp.toString(), "..", new Configuration()));
    }

    @Test
    void writeAtomicallyReplacesAnExistingFile() throws IOException {
        RunDirectory directory = RunDirectory.create(temp.toString(), "run", new Configuration());
        directory.writeAtomically("best.json", "old content that is longer than the new one");

        directory.writeAtomically("best.json", "new ü");

        assertEquals("new ü", Files.readString(temp.resolve("run/best.json"), StandardCharsets.UTF_8));
        assertEquals("new ü", directory.read("best.json"));
        assertEquals(List.of("best.json"), Fixtures.listing(temp.resolve("run")));
    }

    @Test
    void writesLeaveNoTemporaryOrChecksumFilesWithAPlainConfiguration() {
        RunDirectory directory = RunDirectory.create(temp.toString(), "run", new Configuration());
        for (int i = 0; i < 3; i++) {
            directory.writeAtomically("trials.jsonl", "line " + i + "\n");
            directory.writeAtomically("summary.txt", "summary " + i);
        }

        assertEquals(List.of("summary.txt", "trials.jsonl"), Fixtures.listing(temp.resolve("run")));
    }

    @Test
    void theDefaultLocalBindingWouldWriteChecksumFiles() throws IOException {
        // Shows that the no-.crc assertions above can fail: the stock file: binding writes side files.
        Path plainDir = Files.createDirectory(temp.resolve("plain"));
        Path rawDir = Files.createDirectory(temp.resolve("raw"));

        writeThroughFileContext(new Configuration(), plainDir);
        writeThroughFileContext(RunDirectory.withoutLocalChecksums(new Configuration()), rawDir);

        assertEquals(List.of(".f.crc", "f"), Fixtures.listing(plainDir));
        assertEquals(List.of("f"), Fixtures.listing(rawDir));
    }

    @Test
    void failedReplaceDeletesTheTemporaryAndKeepsTheOldFile() {
        Configuration conf = FaultyLocalFs.configuration();
        RunDirectory directory = RunDirectory.create("norename://" + temp, "run", conf);
        Path run = temp.resolve("run");

        assertThrows(UncheckedIOException.class, () -> directory.writeAtomically("trials.jsonl", "new"));

        assertEquals(List.of(), Fixtures.listing(run));
    }

    @Test
    void existsAndReadSeeWrittenFiles() {
        RunDirectory directory = RunDirectory.create(temp.toString(), "run", new Configuration());
        assertFalse(directory.exists("trials.jsonl"));

        directory.writeAtomically("trials.jsonl", "x\n");

        assertTrue(directory.exists("trials.jsonl"));
        assertEquals("x\n", directory.read("trials.jsonl"));
        assertThrows(UncheckedIOException.class, () -> directory.read("missing.txt"));
    }

    @Test
    void resolveRejectsNamesOutsideTheRunDirectory() {
        RunDirectory directory = RunDirectory.create(temp.toString(), "run", new Configuration());

        assertThrows(IllegalArgumentException.class, () -> directory.resolve("../escape"));
        assertThrows(IllegalArgumentException.class, () -> directory.resolve("/etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> directory.resolve(""));
        assertEquals(new org.apache.hadoop.fs.Path(directory.path(), "model"), directory.resolve("model"));
    }

    @Test
    void openFindsAnExistingRunAndDeletesLeftoverTemporaries() throws IOException {
        RunDirectory.create(temp.toString(), "run", new Configuration()).writeAtomically("trials.jsonl", "x\n");
        Files.writeString(temp.resolve("run/trials.jsonl.tmp-0123"), "half a li");

        RunDirectory reopened = RunDirectory.open(temp.toString(), "run", new Configuration());

        assertEquals("x\n", reopened.read("trials.jsonl"));
        assertEquals(List.of("trials.jsonl"), Fixtures.listing(temp.resolve("run")));
    }

    @Test
    void openOfAMissingRunNamesTheKey() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RunDirectory.open(temp.toString(), "never-ran", new Configuration()));

        assertTrue(e.getMessage().startsWith("hpo.output.dir: '" + temp + "' has no run 'never-ran'"),
                e.getMessage());
    }

    @Test
    void replaceMethodFollowsTheScheme() {
        assertEquals(ReplaceMethod.LOCAL_RENAME, ReplaceMethod.forScheme("file"));
        assertEquals(ReplaceMethod.RENAME_OVERWRITE, ReplaceMethod.forScheme("hdfs"));
        assertEquals(ReplaceMethod.DIRECT_WRITE, ReplaceMethod.forScheme("s3a"));
        assertEquals(ReplaceMethod.DIRECT_WRITE, ReplaceMethod.forScheme("GS"));
    }

    private static void writeThroughFileContext(Configuration conf, Path dir) throws IOException {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir.toUri().toString(), "f");
        FileContext files = FileContext.getFileContext(file.toUri(), conf);
        try (OutputStream out = files.create(file, EnumSet.of(CreateFlag.CREATE))) {
            out.write(1);
        }
    }
}
