package dev.punchcard.core.imports.application;

import java.time.Duration;
import java.time.Instant;

import dev.punchcard.core.imports.domain.ImportId;
import dev.punchcard.core.imports.domain.ImportKind;
import dev.punchcard.core.imports.domain.ImportState;
import org.jspecify.annotations.Nullable;

/**
 * An import and how far it is.
 *
 * @param id import id
 * @param kind members or purchases
 * @param state where it is
 * @param historical purchases recorded for history only (no points, no notification)
 * @param fileBytes the file's size
 * @param bytesRead bytes of the file read so far
 * @param rowsRead data lines read so far (the header not counted)
 * @param accepted lines imported or found imported already
 * @param unchanged of the accepted, those that were there already (nothing written)
 * @param rejected lines refused, each with its reason
 * @param failure why a FAILED import stopped
 * @param startedAt when it started
 * @param heartbeatAt when its instance last reported progress
 * @param finishedAt when it ended
 */
public record ImportView(ImportId id, ImportKind kind, ImportState state, boolean historical, long fileBytes,
		long bytesRead, long rowsRead, long accepted, long unchanged, long rejected, @Nullable String failure,
		Instant startedAt, Instant heartbeatAt, @Nullable Instant finishedAt) {

	/** Per cent of the file read, by bytes (100 when finished). */
	public double percent() {
		if (this.state == ImportState.COMPLETED || this.fileBytes == 0) {
			return (this.state == ImportState.RUNNING) ? 0 : 100;
		}
		return Math.min(100.0, Math.floor(1000.0 * this.bytesRead / this.fileBytes) / 10.0);
	}

	/** Rows read per second, from the start to the last heartbeat or the end. */
	public double rowsPerSecond() {
		Instant until = (this.finishedAt != null) ? this.finishedAt : this.heartbeatAt;
		long millis = Duration.between(this.startedAt, until).toMillis();
		return (millis <= 0) ? 0 : Math.round(this.rowsRead * 10_000.0 / millis) / 10.0;
	}

}
