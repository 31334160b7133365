package dev.punchcard.bot.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.punchcard.bot.conversation.ChatInput.ButtonPress;
import dev.punchcard.bot.conversation.ChatInput.Command;
import dev.punchcard.bot.conversation.OutgoingMessage.ButtonAnswer;
import dev.punchcard.bot.reply.Texts;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The engine: finds who wrote, routes the event to one handler (command, button, live
 * flow, or the default for its kind), and is the one place in {@code bot} that turns any
 * failure into an apology the user can act on. A text that is a command word
 * ({@link CommandWords}) is that command, except that in a flow only the words that leave
 * flows count (an amount or a receipt number is the flow's); on the channels of
 * {@link ConversationProperties#numberedChoices()}, a number typed outside a flow picks
 * that choice of the last reply, as a press of its button would.
 */
@Component
class CommandRouter implements Conversation {

	private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);

	private static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(10);

	private static final Pattern CHOICE_NUMBER = Pattern.compile("^\\s*(\\d{1,2})[.)]?\\s*$");

	private final ChatContexts contexts;

	private final Map<String, CommandHandler> commands;

	private final Map<String, ButtonHandler> buttons;

	private final FlowRouter flows;

	private final Texts texts;

	private final ConversationStates states;

	private final Set<ChatChannel> numberedChoices;

	CommandRouter(ChatContexts contexts, List<CommandHandler> commands, List<ButtonHandler> buttons, FlowRouter flows,
			Texts texts, ConversationStates states, ConversationProperties properties) {
		this.contexts = contexts;
		// toMap fails at start-up if two handlers claim the same command or prefix
		this.commands = commands.stream()
			.flatMap((handler) -> handler.commands().stream().map((name) -> Map.entry(name, handler)))
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
		this.buttons = buttons.stream()
			.collect(Collectors.toUnmodifiableMap(ButtonHandler::prefix, Function.identity()));
		this.flows = flows;
		this.texts = texts;
		this.states = states;
		this.numberedChoices = properties.numberedChoices();
	}

	@Override
	public Mono<BotReply> handle(ChatEvent event) {
		return this.contexts.of(event)
			.flatMap(this::dispatch)
			.timeout(HANDLER_TIMEOUT)
			.onErrorResume((error) -> apologise(event, error))
			.map((messages) -> withButtonAnswer(event, messages))
			.flatMap((messages) -> rememberChoices(event, messages))
			.map((messages) -> new BotReply(event.channel(), event.chatId(), messages));
	}

	private Mono<List<OutgoingMessage>> dispatch(ChatContext context) {
		return switch (context.event().input()) {
			case Command command -> command(context, command);
			case ButtonPress press -> button(context, press.data());
			case ChatInput.Text text -> typed(context, text.text());
			default -> this.flows.continueOrDefault(context);
		};
	}

	private Mono<List<OutgoingMessage>> typed(ChatContext context, String text) {
		Optional<Command> word = CommandWords.read(text);
		if (word.isPresent() && CommandWords.interruptsFlows(word.get().name())) {
			return command(context, word.get());
		}
		Integer number = word.isEmpty() ? choiceNumber(context, text) : null;
		if (word.isEmpty() && number == null) {
			return this.flows.continueOrDefault(context);
		}
		return this.flows.active(context).flatMap((inFlow) -> {
			if (inFlow) {
				return this.flows.continueOrDefault(context);
			}
			if (word.isPresent()) {
				return command(context, word.get());
			}
			ChatEvent event = context.event();
			return this.states.choice(event.channel(), event.userId(), number)
				.flatMap((data) -> button(context, data))
				.switchIfEmpty(Mono.defer(() -> this.flows.continueOrDefault(context)));
		});
	}

	/** The choice a typed number picks, on channels that take numbered answers. */
	private @Nullable Integer choiceNumber(ChatContext context, String text) {
		if (!this.numberedChoices.contains(context.event().channel())) {
			return null;
		}
		Matcher number = CHOICE_NUMBER.matcher(text);
		return number.matches() ? Integer.valueOf(number.group(1)) : null;
	}

	/**
	 * On channels that take numbered answers, remembers the reply's choices (or that it
	 * had none, so an old menu's number picks nothing).
	 */
	private Mono<List<OutgoingMessage>> rememberChoices(ChatEvent event, List<OutgoingMessage> messages) {
		if (!this.numberedChoices.contains(event.channel())) {
			return Mono.just(messages);
		}
		List<String> choices = messages.stream()
			.filter(OutgoingMessage.Text.class::isInstance)
			.flatMap((message) -> ((OutgoingMessage.Text) message).buttons().stream())
			.flatMap(List::stream)
			.map(OutgoingMessage.Button::data)
			.toList();
		return this.states.rememberChoices(event.channel(), event.userId(), choices).onErrorResume((error) -> {
			// the reply goes out all the same; a typed number then picks nothing
			log.warn("Could not remember the choices for {}: {}", event, error.toString());
			return Mono.empty();
		}).thenReturn(messages);
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

	private Mono<List<OutgoingMessage>> button(ChatContext context, String data) {
		int colon = data.indexOf(':');
		ButtonHandler handler = colon < 0 ? null : this.buttons.get(data.substring(0, colon));
		if (handler == null) {
			return Mono.just(List.of(OutgoingMessage.Text.of(this.texts.text(context.language(), "fallback"))));
		}
		return handler.press(context, data.substring(colon + 1));
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
