package dev.punchcard.bot.command;

import java.util.List;
import java.util.Optional;

import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.ChatInput;
import dev.punchcard.bot.conversation.ConversationStates;
import dev.punchcard.bot.conversation.FlowHandler;
import dev.punchcard.bot.conversation.FlowState;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Amounts;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.core.customer.application.CustomerProfiles;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import reactor.core.publisher.Mono;

/**
 * The cashier's scan flow: card (photo or typed code) → who it is → amount → receipt
 * number → confirm ({@link ScanButtons} records it). Each step keeps what it learned in
 * the flow state.
 */
@org.springframework.stereotype.Component
class ScanFlow implements FlowHandler {

	static final String NAME = "scan";

	static final String CARD = "card";

	static final String AMOUNT = "amount";

	static final String RECEIPT = "receipt";

	static final String CONFIRM = "confirm";

	private final ConversationStates states;

	private final CardReader cards;

	private final CustomerProfiles profiles;

	private final LoyaltyProgram program;

	private final Menus menus;

	ScanFlow(ConversationStates states, CardReader cards, CustomerProfiles profiles, LoyaltyProgram program,
			Menus menus) {
		this.states = states;
		this.cards = cards;
		this.profiles = profiles;
		this.program = program;
		this.menus = menus;
	}

	@Override
	public String flow() {
		return NAME;
	}

	@Override
	public String expiredKey() {
		return "scan.expired";
	}

	@Override
	public Mono<List<OutgoingMessage>> resume(ChatContext context, FlowState state, ChatInput input) {
		return switch (state.step()) {
			case CARD -> card(context, state, input);
			case AMOUNT -> amount(context, state, input);
			case RECEIPT -> receipt(context, state, input);
			default -> Mono.just(List.of(confirmation(context.language(), state)));
		};
	}

	private Mono<List<OutgoingMessage>> card(ChatContext context, FlowState state, ChatInput input) {
		String language = context.language();
		return this.cards.read(context.event(), input).flatMap((read) -> switch (read) {
			case CardReader.Read.Code code -> this.profiles.byCardCode(code.text())
				.flatMap(
						(profile) -> save(context,
								state.next(AMOUNT, "card", profile.cardCode()).next(AMOUNT, "name", profile.name()))
							.thenReturn(List.of(
									this.menus.text(language, "scan.customer", profile.name(), profile.tier(),
											profile.balance()),
									this.menus.text(language, "scan.ask-amount", currency()))))
				.defaultIfEmpty(List.of(this.menus.text(language, "scan.unknown-card")));
			case CardReader.Read.NoCode none -> Mono.just(List.of(this.menus.text(language, "scan.no-code")));
			case CardReader.Read.TooLarge large ->
				Mono.just(List.of(this.menus.text(language, "scan.photo-too-large")));
		});
	}

	private Mono<List<OutgoingMessage>> amount(ChatContext context, FlowState state, ChatInput input) {
		Optional<Long> minor = (input instanceof ChatInput.Text text) ? Amounts.parse(text.text(), currency())
				: Optional.empty();
		if (minor.isEmpty()) {
			return Mono.just(List.of(this.menus.text(context.language(), "scan.bad-amount")));
		}
		return save(context, state.next(RECEIPT, "amount", minor.get().toString()))
			.thenReturn(List.of(this.menus.text(context.language(), "scan.ask-receipt")));
	}

	private Mono<List<OutgoingMessage>> receipt(ChatContext context, FlowState state, ChatInput input) {
		String receipt = (input instanceof ChatInput.Text text) ? text.text().strip() : "";
		if (!receipt.matches("[\\x21-\\x7E]{1,64}")) {
			return Mono.just(List.of(this.menus.text(context.language(), "scan.bad-receipt")));
		}
		FlowState confirming = state.next(CONFIRM, "receipt", receipt);
		return save(context, confirming).thenReturn(List.of(confirmation(context.language(), confirming)));
	}

	private OutgoingMessage confirmation(String language, FlowState state) {
		String amount = Amounts.format(Long.parseLong(state.get("amount")), currency());
		return new OutgoingMessage.Text(
				this.menus.marked(language, "scan.confirm", amount, state.get("receipt"), state.get("name")),
				List.of(List.of(this.menus.button(language, "scan.yes", "sc:y"),
						this.menus.button(language, "scan.no", "sc:n"))));
	}

	private Mono<Void> save(ChatContext context, FlowState state) {
		return this.states.put(context.event().channel(), context.event().userId(), state);
	}

	private String currency() {
		return this.program.currency().getCurrencyCode();
	}

}
