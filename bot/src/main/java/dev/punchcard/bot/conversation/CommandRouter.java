package dev.punchcard.bot.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.punchcard.bot.conversation.ChatInput.ButtonPress;
import dev.punchcard.bot.conversation.ChatInput.Command;
import dev.punchcard.bot.conversation.OutgoingMessage.ButtonAnswer;
import dev.punchcard.bot.reply.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The engine: finds who wrote, routes the event to one handler (command, button, live
 * flow, or the default for its kind), and is the one place in {@code bot} that turns any
 * failure into an apology the user can act on.
 */
@Component
class CommandRouter implements Conversation {

	private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);

	private static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(10);

	private final ChatContexts contexts;

	private final Map<String, CommandHandler> commands;

	private final Map<String, ButtonHandler> buttons;

	private final FlowRouter flows;

	private final Texts texts;

	CommandRouter(ChatContexts contexts, List<CommandHandler> commands, List<ButtonHandler> buttons, FlowRouter flows,
			Texts texts) {
		this.contexts = contexts;
		// toMap fails at start-up if two handlers claim the same command or prefix
		this.commands = commands.stream()
			.flatMap((handler) -> handler.commands().stream().map((name) -> Map.entry(name, handler)))
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
		this.buttons = buttons.stream()
			.collect(Collectors.toUnmodifiableMap(ButtonHandler::prefix, Function.identity()));
		this.flows = flows;
		this.texts = texts;
	}

	@Override
	public Mono<BotReply> handle(ChatEvent event) {
		return this.contexts.of(event)
			.flatMap(this::dispatch)
			.timeout(HANDLER_TIMEOUT)
			.onErrorResume((error) -> apologise(event, error))
			.map((messages) -> withButtonAnswer(event, messages))
			.map((messages) -> new BotReply(event.channel(), event.chatId(), messages));
	}

	private Mono<List<OutgoingMessage>> dispatch(ChatContext context) {
		return switch (context.event().input()) {
			case Command command -> command(context, command);
			case ButtonPress press -> button(context, press);
			default -> this.flows.continueOrDefault(context);
		};
	}

	private Mono<List<OutgoingMessage>> command(ChatContext context, Command command) {
		CommandHandler handler = this.commands.get(command.name());
		if (handler == null) {
			return Mono.just(List
				.of(OutgoingMessage.Text.of(this.texts.text(context.language(), "unknown-command", command.name()))));
		}
		// a command leaves any flow in progress; /scan and friends start their own again
		return this.flows.leave(context).then(handler.handle(context, command.argument()));
	}

	private Mono<List<OutgoingMessage>> button(ChatContext context, ButtonPress press) {
		int colon = press.data().indexOf(':');
		ButtonHandler handler = colon < 0 ? null : this.buttons.get(press.data().substring(0, colon));
		if (handler == null) {
			return Mono.just(List.of(OutgoingMessage.Text.of(this.texts.text(context.language(), "fallback"))));
		}
		return handler.press(context, press.data().substring(colon + 1));
	}

	private Mono<List<OutgoingMessage>> apologise(ChatEvent event, Throwable error) {
		log.error("{} failed", event, error);
		return Mono
			.just(List.of(OutgoingMessage.Text.of(this.texts.text(Texts.supported(event.languageCode()), "error"))));
	}

	/**
	 * Every button press is acknowledged first, so the client stops its progress
	 * indicator.
	 */
	private static List<OutgoingMessage> withButtonAnswer(ChatEvent event, List<OutgoingMessage> messages) {
		if (!(event.input() instanceof ButtonPress press)) {
			return messages;
		}
		List<OutgoingMessage> answered = new ArrayList<>(messages.size() + 1);
		answered.add(new ButtonAnswer(press.callbackId(), null));
		answered.addAll(messages);
		return answered;
	}

}
