package dev.punchcard.bot.command;

import java.util.List;

import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.ChatInput;
import dev.punchcard.bot.conversation.ConversationStates;
import dev.punchcard.bot.conversation.DefaultHandler;
import dev.punchcard.bot.conversation.FlowState;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Menus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A photo outside any flow: from a cashier it starts a scan with that photo; a shopper is
 * told how to show their card.
 */
@Component
class PhotoOutsideFlow implements DefaultHandler {

	private final ConversationStates states;

	private final ScanFlow scanFlow;

	private final Menus menus;

	PhotoOutsideFlow(ConversationStates states, ScanFlow scanFlow, Menus menus) {
		this.states = states;
		this.scanFlow = scanFlow;
		this.menus = menus;
	}

	@Override
	public boolean accepts(ChatInput input) {
		return input instanceof ChatInput.Photo;
	}

	@Override
	public Mono<List<OutgoingMessage>> handle(ChatContext context) {
		FlowState state = FlowState.start(ScanFlow.NAME, ScanFlow.CARD);
		return ScanCommand.seller(context)
			.filter((seller) -> seller.storeId() != null)
			.flatMap((seller) -> this.states.put(context.event().channel(), context.event().userId(), state)
				.then(this.scanFlow.resume(context, state, context.event().input())))
			.switchIfEmpty(Mono.fromSupplier(() -> List.of(this.menus.text(context.language(), "scan.shopper"))));
	}

}
