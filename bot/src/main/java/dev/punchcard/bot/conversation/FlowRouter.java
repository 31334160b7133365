package dev.punchcard.bot.conversation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.punchcard.bot.reply.Texts;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends texts, photos and contacts to the user's live flow; outside a flow, explains an
 * expired one or hands the input to the default handler for its kind.
 */
@Component
class FlowRouter {

	private final ConversationStates states;

	private final Map<String, FlowHandler> flows;

	private final List<DefaultHandler> defaults;

	private final Texts texts;

	FlowRouter(ConversationStates states, List<FlowHandler> flows, List<DefaultHandler> defaults, Texts texts) {
		this.states = states;
		this.flows = flows.stream().collect(Collectors.toUnmodifiableMap(FlowHandler::flow, Function.identity()));
		this.defaults = defaults;
		this.texts = texts;
	}

	Mono<List<OutgoingMessage>> continueOrDefault(ChatContext context) {
		ChatEvent event = context.event();
		return this.states.get(event.channel(), event.userId())
			.flatMap((state) -> resume(context, state))
			.switchIfEmpty(Mono.defer(() -> expiredOrDefault(context)));
	}

	/** Emits whether the user is in a flow that waits for their next step. */
	Mono<Boolean> active(ChatContext context) {
		return this.states.get(context.event().channel(), context.event().userId()).hasElement();
	}

	Mono<Void> leave(ChatContext context) {
		return this.states.clear(context.event().channel(), context.event().userId());
	}

	private Mono<List<OutgoingMessage>> resume(ChatContext context, FlowState state) {
		FlowHandler handler = this.flows.get(state.flow());
		return handler == null ? leave(context).then(Mono.empty())
				: handler.resume(context, state, context.event().input());
	}

	private Mono<List<OutgoingMessage>> expiredOrDefault(ChatContext context) {
		ChatEvent event = context.event();
		return this.states.takeExpired(event.channel(), event.userId())
			.mapNotNull(this.flows::get)
			.map((flow) -> List
				.<OutgoingMessage>of(OutgoingMessage.Text.of(this.texts.text(context.language(), flow.expiredKey()))))
			.switchIfEmpty(Mono.defer(() -> byDefault(context)));
	}

	private Mono<List<OutgoingMessage>> byDefault(ChatContext context) {
		return this.defaults.stream()
			.filter((handler) -> handler.accepts(context.event().input()))
			.findFirst()
			.map((handler) -> handler.handle(context))
			.orElseGet(() -> Mono.just(List.of(OutgoingMessage.Text.of(this.texts.text(context.language(),
					context.event().input() instanceof ChatInput.Text ? "fallback" : "unsupported")))));
	}

}
