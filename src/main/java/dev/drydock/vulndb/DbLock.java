package dev.drydock.vulndb;

import dev.drydock.DrydockException.InputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The writers' lock on a database: an OS file lock on {@code <db>.lock} (so two drydock processes never build over each
 * other) plus an in-process lock (a JVM cannot hold two file locks on one file). Readers take no lock: they read
 * whichever complete file they opened.
 */
final class DbLock implements AutoCloseable {

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private DbLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits up to {@code timeout} for the lock; says who to wait for when it cannot be had. */
    static DbLock acquire(Path db, Duration timeout, Runnable onWait) {
        Path abs = db.toAbsolutePath().normalize();
        Path lockFile = abs.resolveSibling(abs.getFileName() + ".lock");
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean waited = false;
        try {
            if (!local.tryLock()) {
                onWait.run();
                waited = true;
                if (!local.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw busy(db, lockFile, timeout);
                }
            }
            FileChannel ch = null;
            try {
                Files.createDirectories(lockFile.getParent());
                ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                while (true) {
                    FileLock l = ch.tryLock();
                    if (l != null) {
                        return new DbLock(local, ch, l);
                    }
                    if (!waited) {
                        onWait.run();
                        waited = true;
                    }
                    if (System.nanoTime() > deadline) {
                        throw busy(db, lockFile, timeout);
                    }
                    Thread.sleep(100);
                }
            } catch (IOException | RuntimeException e) {
                closeQuietly(ch);
                local.unlock();
                if (e instanceof InputException ie) {
                    throw ie;
                }
                throw new InputException(lockFile + ": cannot lock the vulnerability database for writing: " + e.getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (local.isHeldByCurrentThread()) {
                local.unlock();
            }
            throw new InputException(db + ": interrupted while waiting for the database lock", e);
        }
    }

    private static InputException busy(Path db, Path lockFile, Duration timeout) {
        return new InputException(db + ": another drydock is writing the vulnerability database (lock " + lockFile
                + " held for more than " + timeout.toSeconds() + " s); try again when it has finished");
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // releasing
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
        local.unlock();
    }
}
