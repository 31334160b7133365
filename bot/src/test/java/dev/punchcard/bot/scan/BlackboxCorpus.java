package dev.punchcard.bot.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The ZXing QR black-box images kept in this module's test resources
 * ({@code src/test/resources/zxing-blackbox}, see the README there), or wherever
 * {@code -Dpunchcard.zxing.corpus} points.
 */
final class BlackboxCorpus {

	static final String PROPERTY = "punchcard.zxing.corpus";

	static final List<String> SETS = List.of("qrcode-1", "qrcode-2", "qrcode-3");

	private final Path root;

	private BlackboxCorpus(Path root) {
		this.root = root;
	}

	/** Finds the corpus, failing with instructions when it is not there; never skips. */
	static BlackboxCorpus locate() {
		return locate(System.getProperty(PROPERTY));
	}

	static BlackboxCorpus locate(@Nullable String configured) {
		Path root = ((configured != null) ? Path.of(configured) : bundled()).toAbsolutePath().normalize();
		if (!Files.isDirectory(root.resolve(SETS.get(0)))) {
			throw new IllegalStateException("ZXing black-box corpus not found at " + root + ": expected the folders "
					+ SETS + " there. Point -D" + PROPERTY + " at a folder holding them, or leave it unset to use"
					+ " the copy in bot/src/test/resources/zxing-blackbox");
		}
		return new BlackboxCorpus(root);
	}

	/**
	 * The copy on the test class path (test resources are copied to a folder, never a
	 * jar).
	 */
	private static Path bundled() {
		URL readme = BlackboxCorpus.class.getResource("/zxing-blackbox/README.md");
		if (readme == null) {
			throw new IllegalStateException("The bundled ZXing black-box corpus is not on the test class path");
		}
		try {
			return Path.of(readme.toURI()).getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The images of one set with their expected text, in numeric order of their names.
	 */
	List<Entry> entries(String set) {
		try (Stream<Path> files = Files.list(this.root.resolve(set))) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".png"))
				.sorted(Comparator.comparingInt(BlackboxCorpus::number))
				.map((png) -> new Entry(set, png, expectedText(png)))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String expectedText(Path png) {
		String name = png.getFileName().toString();
		Path txt = png.resolveSibling(name.substring(0, name.length() - ".png".length()) + ".txt");
		try {
			// the whole file, as upstream compares it: no trimming of trailing newlines
			return new String(Files.readAllBytes(txt), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No expected text for " + png, ex);
		}
	}

	private static int number(Path png) {
		String name = png.getFileName().toString();
		return Integer.parseInt(name.substring(0, name.indexOf('.')));
	}

	/**
	 * One corpus image.
	 *
	 * @param set the set it belongs to
	 * @param png the image file
	 * @param expected the text its QR code encodes
	 */
	record Entry(String set, Path png, String expected) {

		String name() {
			return this.set + "/" + this.png.getFileName();
		}

	}

}
