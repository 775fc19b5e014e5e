package org.sparkhpo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly lock: exclusive, released on close, and the stale-lock rules of {@link RunLock}. */
class RunLockTest {
    private static final Duration STALE = Duration.ofHours(12);

    @TempDir
    Path dir;

    private RunDirectory root() {
        return RunDirectory.outputRoot(dir.toString(), new Configuration());
    }

    private void writeLock(String host, long pid, Instant started) throws Exception {
        Files.writeString(dir.resolve(RunLock.FILE_NAME), "host=" + host + "\npid=" + pid + "\nstarted=" + started
                + "\nrun=other\n");
    }

    @Test
    void aSecondRunIsRefusedNamingTheLockAndTheHolderUntilTheFirstReleases() {
        RunDirectory root = root();
        RunLock first = RunLock.acquire(root, "night-1", STALE, false);

        LockHeldException e = assertThrows(LockHeldException.class,
                () -> RunLock.acquire(root, "night-2", STALE, true));
        first.close();
        RunLock second = RunLock.acquire(root, "night-2", STALE, false);

        assertTrue(e.getMessage().contains("nightly.lock: held by run 'night-1' (host " + RunLock.thisHost()),
                e.getMessage());
        assertTrue(e.getMessage().contains("--break-lock"), e.getMessage());
        assertTrue(root.read(RunLock.FILE_NAME).contains("run=night-2"));
        second.close();
        assertFalse(root.exists(RunLock.FILE_NAME));
    }

    @Test
    void aLockWhoseProcessIsGoneOnThisHostIsBrokenAtOnce() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        writeLock(RunLock.thisHost(), finished.pid(), Instant.now());

        try (RunLock lock = RunLock.acquire(root(), "night-3", STALE, false)) {
            assertTrue(root().read(RunLock.FILE_NAME).contains("run=night-3"));
        }
    }

    @Test
    void anotherHostsLockIsBrokenOnlyWhenStaleAndAsked() throws Exception {
        writeLock("elsewhere", 1, Instant.now().minus(Duration.ofHours(13)));
        assertThrows(LockHeldException.class, () -> RunLock.acquire(root(), "night-4", STALE, false));
        writeLock("elsewhere", 1, Instant.now().minus(Duration.ofHours(1)));
        assertThrows(LockHeldException.class, () -> RunLock.acquire(root(), "night-4", STALE, true));
        writeLock("elsewhere", 1, Instant.now().minus(Duration.ofHours(13)));

        try (RunLock lock = RunLock.acquire(root(), "night-4", STALE, true)) {
            assertTrue(root().read(RunLock.FILE_NAME).contains("run=night-4"));
        }
    }

    @Test
    void latestPointsAtTheRunWithAFileAndALink() {
        RunDirectory root = root();
        assertTrue(LatestPointer.read(root).isEmpty());

        LatestPointer.update(root, "night-1");
        LatestPointer.update(root, "night-2");

        assertEquals("night-2", LatestPointer.read(root).orElseThrow());
        assertEquals(Path.of("night-2"), assertDoesNotThrowRead(dir.resolve(LatestPointer.LINK_NAME)));
    }

    private static Path assertDoesNotThrowRead(Path link) {
        try {
            return Files.readSymbolicLink(link);
        } catch (java.io.IOException e) {
            throw new AssertionError("latest is not a symbolic link", e);
        }
    }
}
