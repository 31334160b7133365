package dev.punchcard.app.embedded;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory, held through a lock file inside it, so that two
 * running instances never share one embedded server's data. The operating system drops
 * the lock when the process dies, so a crash never leaves the directory locked.
 */
final class DirectoryLock implements Closeable {

	private final FileChannel channel;

	private DirectoryLock(FileChannel channel) {
		this.channel = channel;
	}

	/** Takes the lock or fails at once with a message that says what to do. */
	static DirectoryLock acquire(Path lockFile) throws IOException {
		FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		try {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				throw inUse(lockFile, "another process");
			}
			return new DirectoryLock(channel);
		}
		catch (OverlappingFileLockException ex) {
			channel.close();
			throw inUse(lockFile, "another application context in this JVM");
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	private static IllegalStateException inUse(Path lockFile, String owner) {
		return new IllegalStateException(lockFile.getParent() + " is in use by " + owner
				+ "; give each running instance its own punchcard.embedded.data-dir");
	}

	@Override
	public void close() throws IOException {
		// closing the channel releases its lock
		this.channel.close();
	}

}
