package dev.punchcard.core.campaign.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{…}}} placeholders of a template text, as WhatsApp writes them: numbered
 * ({@code {{1}}}) or named ({@code {{first_name}}}: lowercase letters, digits and
 * {@code _}, starting with a letter). Spaces inside the braces are ignored.
 */
public final class Placeholders {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

	private static final Pattern NUMBERED = Pattern.compile("[1-9][0-9]{0,2}");

	private static final Pattern NAMED = Pattern.compile("[a-z][a-z0-9_]{0,63}");

	private Placeholders() {
	}

	/** Every placeholder's inner text in order of first appearance, once each. */
	public static List<String> in(String text) {
		LinkedHashSet<String> found = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return List.copyOf(found);
	}

	/** Whether the placeholder is a number, {@code {{1}}}. */
	public static boolean isNumbered(String placeholder) {
		return NUMBERED.matcher(placeholder).matches();
	}

	/** Whether the placeholder is a well-formed name, {@code {{first_name}}}. */
	public static boolean isNamed(String placeholder) {
		return NAMED.matcher(placeholder).matches();
	}

	/**
	 * The text with each placeholder replaced by {@code fill} of its inner text;
	 * placeholders {@code fill} answers null for are left as they are.
	 */
	public static String filled(String text, Function<String, @Nullable String> fill) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = fill.apply(matcher.group(1));
			matcher.appendReplacement(out, Matcher.quoteReplacement((value != null) ? value : matcher.group()));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/**
	 * The text cut into literal pieces and placeholders: even indexes are literal text,
	 * odd ones placeholder names; for renderers that escape the literal text and the
	 * values differently.
	 */
	public static List<String> pieces(String text) {
		List<String> pieces = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		int last = 0;
		while (matcher.find()) {
			pieces.add(text.substring(last, matcher.start()));
			pieces.add(matcher.group(1));
			last = matcher.end();
		}
		pieces.add(text.substring(last));
		return pieces;
	}

	/** As {@link #filled(String, Function)} from a map of values. */
	public static String filled(String text, Map<String, String> values) {
		return filled(text, values::get);
	}

}
