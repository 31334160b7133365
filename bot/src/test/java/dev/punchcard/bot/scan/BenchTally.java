package dev.punchcard.bot.scan;

import java.util.Arrays;
import java.util.Locale;

/**
 * Decode counts and per-image times of one decoder over one group of images: wall-clock
 * time, which a user waits, and CPU time of the decoding thread, which other processes on
 * a busy machine disturb less.
 */
final class BenchTally {

	private final Samples wall = new Samples();

	private final Samples cpu = new Samples();

	private int decoded;

	void add(boolean success, long wallNanos, long cpuNanos) {
		this.wall.add(wallNanos);
		this.cpu.add(cpuNanos);
		this.decoded += success ? 1 : 0;
	}

	void addAll(BenchTally other) {
		this.wall.addAll(other.wall);
		this.cpu.addAll(other.cpu);
		this.decoded += other.decoded;
	}

	/** How this decoder compares with {@code baseline}: rate and time ratios. */
	String ratiosTo(BenchTally baseline) {
		return String.format(Locale.ROOT, "decode rate x%.3f, wall p50 x%.2f, p95 x%.2f, CPU p50 x%.2f, p95 x%.2f",
				rate() / baseline.rate(), this.wall.millis(50) / baseline.wall.millis(50),
				this.wall.millis(95) / baseline.wall.millis(95), this.cpu.millis(50) / baseline.cpu.millis(50),
				this.cpu.millis(95) / baseline.cpu.millis(95));
	}

	private double rate() {
		return (this.wall.count == 0) ? 0 : 100.0 * this.decoded / this.wall.count;
	}

	/** Markdown cells: decoded/count (rate) | wall p50 | p95 | max | CPU p50 | p95. */
	String row() {
		return String.format(Locale.ROOT, "%d/%d (%.1f %%) | %.1f | %.1f | %.1f | %.1f | %.1f", this.decoded,
				this.wall.count, rate(), this.wall.millis(50), this.wall.millis(95), this.wall.millis(100),
				this.cpu.millis(50), this.cpu.millis(95));
	}

	private static final class Samples {

		private long[] nanos = new long[64];

		private int count;

		void add(long value) {
			if (this.count == this.nanos.length) {
				this.nanos = Arrays.copyOf(this.nanos, this.count * 2);
			}
			this.nanos[this.count++] = value;
		}

		void addAll(Samples other) {
			for (int i = 0; i < other.count; i++) {
				add(other.nanos[i]);
			}
		}

		/** Nearest-rank percentile, in milliseconds. */
		double millis(double percent) {
			if (this.count == 0) {
				return 0;
			}
			long[] sorted = Arrays.copyOf(this.nanos, this.count);
			Arrays.sort(sorted);
			int rank = (int) Math.ceil(percent / 100 * this.count);
			return sorted[Math.max(0, rank - 1)] / 1e6;
		}

	}

}
