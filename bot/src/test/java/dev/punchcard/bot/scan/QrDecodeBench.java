package dev.punchcard.bot.scan;

import java.awt.Color;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

import javax.imageio.ImageIO;

/**
 * Decode rate and time per image of plain ZXing against {@link QrPhotoDecoder}, on the
 * black-box corpus at four rotations and on generated photos. Run by
 * {@code bench/qr/run.sh}; prints Markdown. Arguments: number of generated photos (200),
 * their seed (20251122).
 */
public final class QrDecodeBench {

	private static final int[] ROTATIONS = { 0, 90, 180, 270 };

	/** Telegram's largest photo size; few, since each costs a few hundred ms to make. */
	private static final int LARGE_PHOTOS = 30;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final BaselineDecoder baseline = new BaselineDecoder();

	private final QrPhotoDecoder pipeline = new QrPhotoDecoder(QrDecodingSettings.defaults());

	private final Map<String, Integer> winningSteps = new TreeMap<>();

	private final List<String> pipelineFailures = new ArrayList<>();

	private QrDecodeBench() {
	}

	public static void main(String[] args) throws IOException {
		int photos = (args.length > 0) ? Integer.parseInt(args[0]) : 200;
		long seed = (args.length > 1) ? Long.parseLong(args[1]) : 20251122L;
		new QrDecodeBench().run(BlackboxCorpus.locate(), photos, seed);
	}

	private void run(BlackboxCorpus corpus, int photoCount, long seed) throws IOException {
		Map<String, List<Sample>> groups = new LinkedHashMap<>();
		for (int degrees : ROTATIONS) {
			for (String set : BlackboxCorpus.SETS) {
				groups.put(set + " @" + degrees, corpusSamples(corpus, set, degrees));
			}
		}
		groups.put("generated photos", generatedSamples(photoCount, seed, 0, 0));
		groups.put("generated in 2560x1920 frames", generatedSamples(LARGE_PHOTOS, seed + 1, 2560, 1920));
		measure(groups.get("qrcode-1 @0"), new BenchTally(), new BenchTally()); // JIT
																				// warm-up
		this.winningSteps.clear();
		this.pipelineFailures.clear();
		System.out.printf("JVM %s, %d cores, load average before: %s; times in ms per image, bytes in, text out%n%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		System.out.println("| group | baseline decoded | p50 | p95 | max | CPU p50 | CPU p95 "
				+ "| pipeline decoded | p50 | p95 | max | CPU p50 | CPU p95 |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
		report(groups);
		System.out.println();
		System.out.println("Winning steps: " + this.winningSteps);
		System.out.println("Pipeline failures: " + this.pipelineFailures);
	}

	private void report(Map<String, List<Sample>> groups) {
		BenchTally allBaseline = new BenchTally();
		BenchTally allPipeline = new BenchTally();
		List<String> ratios = new ArrayList<>();
		for (Map.Entry<String, List<Sample>> group : groups.entrySet()) {
			BenchTally base = new BenchTally();
			BenchTally ours = new BenchTally();
			measure(group.getValue(), base, ours);
			System.out.println("| " + group.getKey() + " | " + base.row() + " | " + ours.row() + " |");
			if (group.getKey().startsWith("generated")) {
				ratios.add(group.getKey() + ": " + ours.ratiosTo(base));
			}
			else {
				allBaseline.addAll(base);
				allPipeline.addAll(ours);
			}
		}
		System.out.println("| **corpus, all rotations** | " + allBaseline.row() + " | " + allPipeline.row() + " |");
		System.out.println();
		System.out.println("Pipeline vs baseline, corpus: " + allPipeline.ratiosTo(allBaseline));
		ratios.forEach((line) -> System.out.println("Pipeline vs baseline, " + line));
	}

	private void measure(List<Sample> samples, BenchTally base, BenchTally ours) {
		for (Sample sample : samples) {
			long start = System.nanoTime();
			long startCpu = THREADS.getCurrentThreadCpuTime();
			Optional<String> plain = this.baseline.decode(sample.bytes());
			long middle = System.nanoTime();
			long middleCpu = THREADS.getCurrentThreadCpuTime();
			Optional<DecodePipeline.Decoded> ourResult = this.pipeline.decodeTraced(sample.bytes());
			long end = System.nanoTime();
			long endCpu = THREADS.getCurrentThreadCpuTime();
			base.add(plain.equals(Optional.of(sample.expected())), middle - start, middleCpu - startCpu);
			boolean ok = ourResult.map(DecodePipeline.Decoded::text).equals(Optional.of(sample.expected()));
			ours.add(ok, end - middle, endCpu - middleCpu);
			if (ok) {
				this.winningSteps.merge(ourResult.get().step().name(), 1, Integer::sum);
			}
			else {
				this.pipelineFailures.add(sample.name());
			}
		}
	}

	private static List<Sample> corpusSamples(BlackboxCorpus corpus, String set, int degrees) throws IOException {
		List<Sample> samples = new ArrayList<>();
		for (BlackboxCorpus.Entry entry : corpus.entries(set)) {
			byte[] bytes = (degrees == 0) ? Files.readAllBytes(entry.png()) : TestImages
				.png(PhotoDistortions.rotated(ImageIO.read(entry.png().toFile()), degrees, Color.WHITE));
			samples.add(new Sample(entry.name() + "@" + degrees, bytes, entry.expected()));
		}
		return samples;
	}

	private static List<Sample> generatedSamples(int count, long seed, int frameWidth, int frameHeight) {
		SplittableRandom random = new SplittableRandom(seed);
		List<Sample> samples = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			DistortedPhotos.Photo photo = (frameWidth == 0) ? DistortedPhotos.next(random)
					: DistortedPhotos.nextInFrame(random, frameWidth, frameHeight);
			samples.add(new Sample(
					"photo#" + i + ((frameWidth == 0) ? "" : "@" + frameWidth) + " [" + photo.description() + "]",
					photo.jpeg(), photo.text()));
		}
		return samples;
	}

	private record Sample(String name, byte[] bytes, String expected) {
	}

}
