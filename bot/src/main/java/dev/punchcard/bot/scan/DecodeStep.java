package dev.punchcard.bot.scan;

/**
 * One attempt of the pipeline: a view of the photo read one way.
 *
 * @param view which version of the photo to read
 * @param reading how to read it
 */
record DecodeStep(PhotoView view, QrReading reading) {

	String name() {
		return this.view.name().toLowerCase(java.util.Locale.ROOT) + "/"
				+ this.reading.name().toLowerCase(java.util.Locale.ROOT);
	}

}
