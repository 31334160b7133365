package dev.punchcard.webhooks.whatsapp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.conversation.OutgoingMessage.Button;
import org.jspecify.annotations.Nullable;

/**
 * Renders channel-neutral messages as Graph API {@code /messages} bodies: texts
 * ({@link WhatsAppText}) split at 4096 characters; up to 3 choices as reply buttons, up
 * to 10 as a list, the rest as numbered lines the user can type; the text before an
 * interactive message's last 1024 characters sent as text first; captions cut at 1024
 * with the rest sent as text. WhatsApp knows the user's number and has no callback
 * acknowledgements, so a request for the phone is its text and a button answer is its
 * notice, if any.
 */
final class WhatsAppMessages {

	static final int TEXT_LIMIT = 4096;

	static final int CAPTION_LIMIT = 1024;

	static final int INTERACTIVE_BODY_LIMIT = 1024;

	static final int MAX_BUTTONS = 3;

	static final int MAX_ROWS = 10;

	static final int BUTTON_TITLE_LIMIT = 20;

	static final int ROW_TITLE_LIMIT = 24;

	static final int ROW_DESCRIPTION_LIMIT = 72;

	/** The longest text parameter of a template body that has other components. */
	static final int TEMPLATE_PARAMETER_LIMIT = 1024;

	/**
	 * The label of the button that opens a list, in the language of the list's text (the
	 * engine writes it in the member's language: Cyrillic means Russian).
	 */
	static String listButton(String text) {
		return CYRILLIC.matcher(text).find() ? "Выбрать" : "Choose";
	}

	private static final java.util.regex.Pattern CYRILLIC = java.util.regex.Pattern.compile("\\p{IsCyrillic}");

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private WhatsAppMessages() {
	}

	static List<WhatsAppOutbound> render(String to, OutgoingMessage message) {
		return switch (message) {
			case OutgoingMessage.Text text -> withChoices(to, WhatsAppText.render(text.text()), choices(text));
			case OutgoingMessage.AskForPhone ask -> texts(to, WhatsAppText.render(ask.text()));
			case OutgoingMessage.Image image -> image(to, image);
			case OutgoingMessage.ButtonAnswer answer -> notice(to, answer.notice());
			case OutgoingMessage.Notice notice -> texts(to, WhatsAppText.render(notice.text()));
		};
	}

	/**
	 * A template message: the approved template by name and language, its body's
	 * parameters filled in order, named when {@code names} are given. A parameter's
	 * whitespace is folded to single spaces (WhatsApp refuses new lines, tabs and runs of
	 * spaces in one) and it is cut to {@link #TEMPLATE_PARAMETER_LIMIT}; an empty one is
	 * a dash (WhatsApp refuses empty ones).
	 */
	static ObjectNode templateBody(String to, String name, String language, List<String> values,
			@Nullable List<String> names) {
		if (values.isEmpty()) {
			return templateBody(to, name, language, List.of());
		}
		return templateBody(to, name, language, List.of(TemplateParameters.body(values, names)));
	}

	/**
	 * A template message whose components take parameters: a text or media header's, the
	 * body's and a dynamic URL button's, text ones each filled as
	 * {@link #templateBody(String, String, String, List, List)} fills the body's
	 * ({@link #templateParameter(String)}).
	 */
	static ObjectNode templateBody(String to, String name, String language, List<TemplateParameters> components) {
		ObjectNode body = envelope(to, "template");
		ObjectNode template = body.putObject("template").put("name", name);
		template.putObject("language").put("code", language);
		if (components.isEmpty()) {
			return body;
		}
		ArrayNode parts = template.putArray("components");
		for (TemplateParameters component : components) {
			ObjectNode part = parts.addObject().put("type", component.type());
			if (component.subType() != null) {
				part.put("sub_type", component.subType()).put("index", Integer.toString(component.index()));
			}
			ArrayNode parameters = part.putArray("parameters");
			if (component.media() != null) {
				parameters.addObject()
					.put("type", component.media())
					.putObject(component.media())
					.put("link", component.values().get(0));
				continue;
			}
			for (int i = 0; i < component.values().size(); i++) {
				ObjectNode parameter = parameters.addObject().put("type", "text");
				if (component.names() != null) {
					parameter.put("parameter_name", component.names().get(i));
				}
				parameter.put("text", templateParameter(component.values().get(i)));
			}
		}
		return body;
	}

	/**
	 * The parameters of one template component.
	 *
	 * @param type {@code header}, {@code body} or {@code button}
	 * @param subType a button's kind ({@code url}), else null
	 * @param index a button's position among the template's buttons
	 * @param values the values, in the template's order
	 * @param names their names for a template with named parameters, else null
	 * @param media a media header's kind ({@code image}, {@code video},
	 * {@code document}), whose one value is the link; null for text parameters
	 */
	record TemplateParameters(String type, @Nullable String subType, int index, List<String> values,
			@Nullable List<String> names, @Nullable String media) {

		TemplateParameters {
			values = List.copyOf(values);
			names = (names != null) ? List.copyOf(names) : null;
		}

		TemplateParameters(String type, @Nullable String subType, int index, List<String> values,
				@Nullable List<String> names) {
			this(type, subType, index, values, names, null);
		}

		static TemplateParameters body(List<String> values, @Nullable List<String> names) {
			return new TemplateParameters("body", null, 0, values, names);
		}

		/** A media header sent by link: {@code {"type":"image","image":{"link":…}}}. */
		static TemplateParameters headerMedia(String media, String link) {
			return new TemplateParameters("header", null, 0, List.of(link), null, media);
		}

	}

	static String templateParameter(String value) {
		String folded = value.replaceAll("\\s+", " ").strip();
		return folded.isEmpty() ? "-" : shortened(folded, TEMPLATE_PARAMETER_LIMIT);
	}

	/** An image message by the id of an uploaded image. */
	static ObjectNode imageBody(String to, String mediaId, String caption) {
		ObjectNode body = envelope(to, "image");
		ObjectNode image = body.putObject("image").put("id", mediaId);
		if (!caption.isEmpty()) {
			image.put("caption", caption);
		}
		return body;
	}

	private static List<Button> choices(OutgoingMessage.Text text) {
		return text.buttons().stream().flatMap(List::stream).toList();
	}

	private static List<WhatsAppOutbound> withChoices(String to, String body, List<Button> choices) {
		if (choices.isEmpty() || body.isBlank()) {
			return texts(to, body);
		}
		WhatsAppText.Cut cut = WhatsAppText.cutLast(body, INTERACTIVE_BODY_LIMIT);
		List<WhatsAppOutbound> messages = new ArrayList<>(texts(to, cut.head()));
		if (choices.size() <= MAX_BUTTONS) {
			messages.add(new WhatsAppOutbound.Message(buttons(to, cut.tail(), choices)));
			return messages;
		}
		int listed = Math.min(choices.size(), MAX_ROWS);
		messages.add(new WhatsAppOutbound.Message(list(to, cut.tail(), choices.subList(0, listed))));
		messages.addAll(texts(to, numbered(choices.subList(listed, choices.size()))));
		return messages;
	}

	private static List<WhatsAppOutbound> texts(String to, String text) {
		if (text.isBlank()) {
			return List.of();
		}
		return WhatsAppText.split(text.strip(), TEXT_LIMIT)
			.stream()
			.<WhatsAppOutbound>map((piece) -> new WhatsAppOutbound.Message(textBody(to, piece)))
			.toList();
	}

	private static List<WhatsAppOutbound> image(String to, OutgoingMessage.Image image) {
		WhatsAppText.Cut caption = WhatsAppText.cut(WhatsAppText.render(image.caption()), CAPTION_LIMIT);
		List<WhatsAppOutbound> messages = new ArrayList<>();
		messages.add(new WhatsAppOutbound.Image(image.png(), caption.head()));
		messages.addAll(texts(to, caption.tail()));
		return messages;
	}

	private static List<WhatsAppOutbound> notice(String to, @Nullable String notice) {
		return (notice == null) ? List.of() : texts(to, WhatsAppText.render(MarkedText.plain(notice)));
	}

	private static ObjectNode textBody(String to, String text) {
		ObjectNode body = envelope(to, "text");
		body.putObject("text").put("preview_url", false).put("body", text);
		return body;
	}

	private static ObjectNode buttons(String to, String text, List<Button> choices) {
		ObjectNode body = envelope(to, "interactive");
		ObjectNode interactive = interactive(body, "button", text);
		ArrayNode buttons = interactive.putObject("action").putArray("buttons");
		List<String> titles = uniqueTitles(choices, BUTTON_TITLE_LIMIT);
		for (int i = 0; i < choices.size(); i++) {
			ObjectNode button = buttons.addObject().put("type", "reply");
			button.putObject("reply").put("id", choices.get(i).data()).put("title", titles.get(i));
		}
		return body;
	}

	private static ObjectNode list(String to, String text, List<Button> choices) {
		ObjectNode body = envelope(to, "interactive");
		ObjectNode action = interactive(body, "list", text).putObject("action").put("button", listButton(text));
		ArrayNode rows = action.putArray("sections").addObject().putArray("rows");
		for (Button choice : choices) {
			ObjectNode row = rows.addObject()
				.put("id", choice.data())
				.put("title", shortened(choice.label(), ROW_TITLE_LIMIT));
			if (choice.label().length() > ROW_TITLE_LIMIT) {
				row.put("description", shortened(choice.label(), ROW_DESCRIPTION_LIMIT));
			}
		}
		return body;
	}

	/**
	 * The choices past the list as lines {@code 11. label}: the engine reads typed
	 * numbers.
	 */
	private static String numbered(List<Button> rest) {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < rest.size(); i++) {
			lines.add((MAX_ROWS + i + 1) + ". " + WhatsAppText.render(MarkedText.plain(rest.get(i).label())));
		}
		return String.join("\n", lines);
	}

	private static ObjectNode interactive(ObjectNode body, String type, String text) {
		ObjectNode interactive = body.putObject("interactive").put("type", type);
		interactive.putObject("body").put("text", text);
		return interactive;
	}

	private static ObjectNode envelope(String to, String type) {
		return JSON.objectNode()
			.put("messaging_product", "whatsapp")
			.put("recipient_type", "individual")
			.put("to", to)
			.put("type", type);
	}

	/**
	 * The labels shortened to {@code limit}, a number appended (within the limit) to any
	 * that would repeat an earlier one: WhatsApp refuses two buttons with one title.
	 */
	private static List<String> uniqueTitles(List<Button> choices, int limit) {
		Set<String> taken = new HashSet<>();
		List<String> titles = new ArrayList<>();
		for (Button choice : choices) {
			String title = shortened(choice.label(), limit);
			for (int n = 2; !taken.add(title.toLowerCase(Locale.ROOT)); n++) {
				String suffix = " " + n;
				title = shortened(choice.label(), limit - suffix.length()) + suffix;
			}
			titles.add(title);
		}
		return titles;
	}

	/** The label, or its start and "…" within {@code limit} when it is longer. */
	private static String shortened(String label, int limit) {
		if (label.length() <= limit) {
			return label;
		}
		int end = Character.isHighSurrogate(label.charAt(limit - 2)) ? limit - 2 : limit - 1;
		return label.substring(0, end).stripTrailing() + "…";
	}

}
