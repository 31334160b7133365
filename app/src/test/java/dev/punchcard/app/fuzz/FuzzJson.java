package dev.punchcard.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of JSON values and bodies, and mutations of a valid body: wrong types,
 * missing and extra fields, huge, negative and overflowing numbers, Unicode edge cases,
 * malformed JSON. Bodies are written by hand rather than by Jackson, so that lone
 * surrogates, raw control characters and number literals Java cannot hold reach the
 * service exactly as generated.
 */
public final class FuzzJson {

	static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private FuzzJson() {
	}

	/** Strings people and platforms type, and the ones that break naive code. */
	public static Arbitrary<String> texts() {
		Arbitrary<String> edgy = Arbitraries.of("", " ", "  \t ", "\u0000", "a\u0000b", "\u0001\u0002\u001f", "\u007f",
				"\u0085", "\u009f", "\u2028", "\u2029", "\ud800", "\udfff", "x\ud83d", "😀", "👍🏽", "👨‍👩‍👧",
				"\ufeff", "\ufffe", "\uffff", "\u202eevil", "\u200b", "e\u0301", "Ёлка", "日本語", "ﷺ", "\n", "\r\n",
				"null", "true", "0", "-1", "1e309", "' OR 1=1 --", "<b>bold</b>", "${jndi:x}", "%00", "%s%n", "../..",
				"\\", "\"");
		Arbitrary<String> mixed = Arbitraries.strings()
			.withCharRange('\u0000', '\u00ff')
			.withChars('\u2028', '\u2029', '\ud800', '\udc00', '\ufeff', '\ud83d')
			.ofMaxLength(40);
		Arbitrary<String> printable = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20);
		Arbitrary<String> huge = Arbitraries.of(101, 129, 501, 1001, 4097, 70_000)
			.flatMap((length) -> Arbitraries.of("x", "é", "😀", "\u0000").map((unit) -> unit.repeat(length)));
		return Arbitraries.frequencyOf(weighted(4, edgy), weighted(3, mixed), weighted(3, printable),
				weighted(1, huge));
	}

	/**
	 * Number literals: edges of int, long, our bounds, fractions, exponents, overflow.
	 */
	public static Arbitrary<JsonNode> numbers() {
		Arbitrary<String> literals = Arbitraries.of("0", "-0", "1", "-1", "2", "100", "999", "1000000", "1000000000",
				"1000000001", "-1000000000", "-1000000001", "2147483647", "2147483648", "-2147483648", "-2147483649",
				"1000000000000", "1000000000001", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
				"-9223372036854775809", "99999999999999999999999999999", "1.5", "0.1", "-0.0", "1e2", "1E9", "1e308",
				"1e309", "-1e400", "4.9e-324", "1e-400", "0.000000001");
		Arbitrary<String> randomLongs = Arbitraries.longs().map(String::valueOf);
		Arbitrary<String> randomInts = Arbitraries.integers().between(-1000, 100_000).map(String::valueOf);
		return Arbitraries.frequencyOf(weighted(5, literals), weighted(2, randomLongs), weighted(2, randomInts))
			.map(FuzzJson::raw);
	}

	/** Any JSON value of any type, shallow. */
	public static Arbitrary<JsonNode> values() {
		Arbitrary<JsonNode> text = texts().map(NODES::textNode);
		Arbitrary<JsonNode> constants = Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true),
				NODES.booleanNode(false), NODES.arrayNode(), NODES.objectNode(), NODES.arrayNode().add(1).add("a"),
				NODES.objectNode().put("a", 1));
		return Arbitraries.frequencyOf(weighted(4, text), weighted(4, numbers()), weighted(2, constants));
	}

	/**
	 * A valid body, mutated: mostly field by field, sometimes as a whole (malformed,
	 * another type, very deep or very large).
	 */
	public static Arbitrary<byte[]> mutated(ObjectNode valid, Map<String, Arbitrary<JsonNode>> plausible) {
		Arbitrary<byte[]> fields = fieldMutations(valid, plausible).list()
			.ofMinSize(0)
			.ofMaxSize(3)
			.flatMap((mutations) -> Arbitraries.of(true, false).map((escape) -> {
				ObjectNode body = valid.deepCopy();
				mutations.forEach((mutation) -> mutation.apply(body));
				return bytes(body, escape);
			}));
		return Arbitraries.frequencyOf(weighted(8, fields), weighted(2, wholeBodies(valid)));
	}

	private static Arbitrary<Mutation> fieldMutations(ObjectNode valid, Map<String, Arbitrary<JsonNode>> plausible) {
		List<String> names = new ArrayList<>();
		valid.fieldNames().forEachRemaining(names::add);
		names.addAll(plausible.keySet());
		Arbitrary<String> name = Arbitraries.of(names);
		Arbitrary<Mutation> remove = name.map((field) -> (body) -> body.remove(field));
		Arbitrary<Mutation> anyValue = Combinators.combine(name, values())
			.as((field, value) -> (body) -> body.set(field, value));
		Arbitrary<Mutation> plausibleValue = name.flatMap((field) -> plausible.getOrDefault(field, values())
			.map((value) -> (Mutation) (body) -> body.set(field, value)));
		Arbitrary<Mutation> extra = Combinators.combine(texts(), values())
			.as((field, value) -> (body) -> body.set(field, value));
		Arbitrary<Mutation> nested = values().map((value) -> (body) -> nestedSet(body, value));
		return Arbitraries.frequencyOf(weighted(2, remove), weighted(3, anyValue), weighted(4, plausibleValue),
				weighted(1, extra), weighted(1, nested));
	}

	/** Sets a field inside the first array of objects (purchase items), if any. */
	private static void nestedSet(ObjectNode body, JsonNode value) {
		for (Iterator<JsonNode> it = body.elements(); it.hasNext();) {
			if (it.next() instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode item) {
				List<String> names = new ArrayList<>();
				item.fieldNames().forEachRemaining(names::add);
				item.set(names.get(Math.abs(value.hashCode()) % names.size()), value);
				return;
			}
		}
	}

	private static Arbitrary<byte[]> wholeBodies(ObjectNode valid) {
		byte[] json = bytes(valid, false);
		Arbitrary<byte[]> truncated = Arbitraries.integers()
			.between(0, Math.max(0, json.length - 1))
			.map((end) -> java.util.Arrays.copyOf(json, end));
		Arbitrary<byte[]> trailing = Arbitraries.of("}", "]", ",", " x", "\u0000", "{}")
			.map((tail) -> concat(json, tail.getBytes(StandardCharsets.UTF_8)));
		Arbitrary<byte[]> otherTypes = Arbitraries
			.of("", " ", "null", "true", "0", "\"text\"", "[]", "[1,2,3]", "[{}]", "{", "}", "{\"a\":}", "{'a':1}",
					"{\"a\":1,}", "NaN", "{\"a\":NaN}", "{\"a\":Infinity}", "\u0000", "{\"a\":\"\u0000\"}",
					"{\"a\":\"\\ud800\"}", "{\"a\":\"\\u00\"}", "\ufeff{}", "{\"a\":1}{\"b\":2}")
			.map((text) -> text.getBytes(StandardCharsets.UTF_8));
		Arbitrary<byte[]> deep = Arbitraries.of(50, 1001, 5000)
			.map((depth) -> ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8));
		Arbitrary<byte[]> invalidUtf8 = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64);
		Arbitrary<byte[]> tooLarge = Arbitraries.of(300_000)
			.map((size) -> ("{\"name\":\"" + "x".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8));
		Arbitrary<byte[]> duplicateKeys = Arbitraries.just(concat("{\"a\":1,".getBytes(StandardCharsets.UTF_8),
				java.util.Arrays.copyOfRange(json, 1, json.length)));
		return Arbitraries.frequencyOf(weighted(3, truncated), weighted(1, trailing), weighted(3, otherTypes),
				weighted(1, deep), weighted(1, invalidUtf8), weighted(1, tooLarge), weighted(1, duplicateKeys));
	}

	/** The literal of a number from {@link #numbers()}. */
	static String rawText(JsonNode number) {
		return (number instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw) ? raw.rawValue().toString()
				: number.asText();
	}

	/** A number literal written as is, even when no Java number can hold it. */
	static JsonNode raw(String literal) {
		return new POJONode(new RawValue(literal));
	}

	/**
	 * JSON text of the tree: with {@code escape}, every character outside printable ASCII
	 * as {@code \\uXXXX} (so lone surrogates arrive as such); without, as raw UTF-8, with
	 * control characters still escaped except now and then.
	 */
	public static byte[] bytes(JsonNode node, boolean escape) {
		StringBuilder out = new StringBuilder();
		write(node, escape, out);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void write(JsonNode node, boolean escape, StringBuilder out) {
		if (node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw) {
			out.append(raw.rawValue());
		}
		else if (node.isObject()) {
			out.append('{');
			Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				string(field.getKey(), escape, out);
				out.append(':');
				write(field.getValue(), escape, out);
				out.append(fields.hasNext() ? "," : "");
			}
			out.append('}');
		}
		else if (node.isArray()) {
			out.append('[');
			for (int i = 0; i < node.size(); i++) {
				out.append(i > 0 ? "," : "");
				write(node.get(i), escape, out);
			}
			out.append(']');
		}
		else if (node.isTextual()) {
			string(node.textValue(), escape, out);
		}
		else {
			out.append(node.toString());
		}
	}

	private static void string(String text, boolean escape, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || (escape && c > 0x7E)) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		out.append('"');
	}

	static byte[] concat(byte[] first, byte[] second) {
		byte[] joined = java.util.Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, joined, first.length, second.length);
		return joined;
	}

	@SuppressWarnings("unchecked")
	static <T> net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends T>> weighted(int weight,
			Arbitrary<? extends T> arbitrary) {
		return net.jqwik.api.Tuple.of(weight, arbitrary);
	}

	/** A change to a body. */
	@FunctionalInterface
	interface Mutation {

		void apply(ObjectNode body);

	}

}
