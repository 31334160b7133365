package dev.punchcard.webhooks.whatsapp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.punchcard.bot.broadcast.BroadcastFeedback;
import dev.punchcard.bot.conversation.CommandWords;
import dev.punchcard.bot.template.RenderedTemplate;
import dev.punchcard.bot.template.TemplateFill;
import dev.punchcard.bot.template.TemplateRenderer;
import dev.punchcard.core.campaign.application.MemberFieldValues;
import dev.punchcard.core.campaign.domain.MessageTemplate;
import dev.punchcard.core.campaign.domain.ParameterFormat;
import dev.punchcard.core.campaign.domain.Placeholders;
import dev.punchcard.core.campaign.domain.TemplateButton;
import dev.punchcard.core.campaign.domain.TemplateComponent;
import dev.punchcard.core.campaign.domain.WhatsAppTemplate;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.webhooks.whatsapp.WhatsAppMessages.TemplateParameters;

import org.springframework.stereotype.Component;

/**
 * Synced WhatsApp templates as the {@code /messages} body that sends them
 * ({@link WhatsAppMessages#templateBody(String, String, String, List)}): the parameters
 * of a text header or the link of an image, video or document header, the body and
 * dynamic URL buttons, in {@code {{1}}}, {{@code 2}}, … order for positional templates
 * and named for named ones; WhatsApp fills the text itself, so values need no escaping,
 * only its folding of whitespace; a "Stop promotions" quick reply gets the payload
 * {@code STOP_PROMOTIONS}; the message carries the broadcast mark as
 * {@code biz_opaque_callback_data}. Needs no connection, so previews work whether the
 * channel runs or not.
 */
@Component
class WhatsAppTemplateRenderer implements TemplateRenderer {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	public ChatChannel channel() {
		return ChatChannel.WHATSAPP;
	}

	@Override
	public RenderedTemplate render(MessageTemplate template, MemberFieldValues member, TemplateFill fill) {
		if (!(template instanceof WhatsAppTemplate whatsApp)) {
			throw new IllegalArgumentException("not a WhatsApp template: " + template.channel());
		}
		boolean named = whatsApp.listing().parameterFormat() == ParameterFormat.NAMED;
		List<TemplateParameters> components = new ArrayList<>();
		for (TemplateComponent component : whatsApp.listing().components()) {
			components.addAll(parameters(component, named, fill.values()));
		}
		String to = (member.whatsAppId() != null) ? member.whatsAppId() : "";
		ObjectNode body = WhatsAppMessages.templateBody(to, whatsApp.name(), whatsApp.language(), components);
		stopPayloads(body, whatsApp);
		// echoed in its statuses: one that comes before the send is settled is kept for
		// it
		body.put("biz_opaque_callback_data", BroadcastFeedback.BROADCAST_MARK);
		return new RenderedTemplate(bodyText(whatsApp, fill.values()), List.of(json(body)), member.whatsAppId());
	}

	private static List<TemplateParameters> parameters(TemplateComponent component, boolean named,
			Map<String, String> values) {
		List<TemplateParameters> parts = new ArrayList<>();
		switch (component.type()) {
			case "HEADER", "BODY" -> {
				if (component.media().isPresent()) {
					parts.add(TemplateParameters.headerMedia(component.media().get(),
							values.getOrDefault(component.mediaKey().orElseThrow(), "")));
				}
				else if (!component.parameters().isEmpty()) {
					String prefix = component.type().toLowerCase(java.util.Locale.ROOT);
					List<String> order = ordered(component.parameters(), named);
					parts.add(new TemplateParameters(prefix, null, 0, valuesOf(prefix + ".", order, values),
							named ? order : null));
				}
			}
			case "BUTTONS" -> {
				for (int i = 0; i < component.buttons().size(); i++) {
					TemplateButton button = component.buttons().get(i);
					if ("URL".equals(button.type()) && !button.parameters().isEmpty()) {
						List<String> order = ordered(button.parameters(), false);
						parts.add(new TemplateParameters("button", "url", i,
								valuesOf("button." + i + ".", order, values), null));
					}
				}
			}
			default -> {
				// footers take no parameters
			}
		}
		return parts;
	}

	/**
	 * A quick-reply button that reads as the stop command ("Stop promotions", "STOP",
	 * "Отписаться") is sent with the payload {@value BroadcastFeedback#STOP_PROMOTIONS},
	 * so that a tap on it stops promotions whatever language its label is in.
	 */
	private static void stopPayloads(ObjectNode body, WhatsAppTemplate template) {
		for (TemplateComponent component : template.listing().components()) {
			if (!"BUTTONS".equals(component.type())) {
				continue;
			}
			for (int i = 0; i < component.buttons().size(); i++) {
				TemplateButton button = component.buttons().get(i);
				if ("QUICK_REPLY".equals(button.type()) && isStop(button.text())) {
					ObjectNode message = (ObjectNode) body.path("template");
					ArrayNode parts = message.has("components") ? (ArrayNode) message.get("components")
							: message.putArray("components");
					parts.addObject()
						.put("type", "button")
						.put("sub_type", "quick_reply")
						.put("index", Integer.toString(i))
						.putArray("parameters")
						.addObject()
						.put("type", "payload")
						.put("payload", BroadcastFeedback.STOP_PROMOTIONS);
				}
			}
		}
	}

	private static boolean isStop(String label) {
		return CommandWords.read(label).filter((command) -> "stop".equals(command.name())).isPresent();
	}

	/** Positional parameters go by number, named ones in the order the text has them. */
	private static List<String> ordered(List<String> parameters, boolean named) {
		if (named) {
			return parameters;
		}
		return parameters.stream()
			.sorted(Comparator.comparingInt((String parameter) -> Placeholders.isNumbered(parameter)
					? Integer.parseInt(parameter) : Integer.MAX_VALUE))
			.toList();
	}

	private static List<String> valuesOf(String prefix, List<String> order, Map<String, String> values) {
		return order.stream().map((parameter) -> values.getOrDefault(prefix + parameter, "")).toList();
	}

	/** The body as the member reads it, with WhatsApp's folding of each value. */
	private static String bodyText(WhatsAppTemplate template, Map<String, String> values) {
		String text = template.body().map(TemplateComponent::text).orElse(null);
		if (text == null) {
			return "";
		}
		return Placeholders.filled(text,
				(parameter) -> WhatsAppMessages.templateParameter(values.getOrDefault("body." + parameter, "")));
	}

	private static String json(ObjectNode body) {
		try {
			return JSON.writeValueAsString(body);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("a template message could not be written as JSON", ex);
		}
	}

}
