package dev.punchcard.bot.command;

import java.util.Currency;
import java.util.List;

import dev.punchcard.bot.conversation.ButtonHandler;
import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.ConversationStates;
import dev.punchcard.bot.conversation.FlowState;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.purchase.application.PurchaseOutcome;
import dev.punchcard.core.purchase.application.RecordPurchase;
import dev.punchcard.core.purchase.application.RecordPurchaseCommand;
import dev.punchcard.core.shared.domain.Money;
import dev.punchcard.core.staff.domain.StaffMember;
import dev.punchcard.core.store.application.Stores;
import dev.punchcard.core.store.domain.Store;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The scan flow's confirmation: {@code sc:y} records the purchase through the core (once
 * per store and receipt, as from a till), {@code sc:n} cancels.
 */
@Component
class ScanButtons implements ButtonHandler {

	private final ConversationStates states;

	private final RecordPurchase recordPurchase;

	private final Stores stores;

	private final LoyaltyProgram program;

	private final Menus menus;

	ScanButtons(ConversationStates states, RecordPurchase recordPurchase, Stores stores, LoyaltyProgram program,
			Menus menus) {
		this.states = states;
		this.recordPurchase = recordPurchase;
		this.stores = stores;
		this.program = program;
		this.menus = menus;
	}

	@Override
	public String prefix() {
		return "sc";
	}

	@Override
	public Mono<List<OutgoingMessage>> press(ChatContext context, String data) {
		String language = context.language();
		return this.states.get(context.event().channel(), context.event().userId())
			.filter((state) -> ScanFlow.NAME.equals(state.flow()) && ScanFlow.CONFIRM.equals(state.step()))
			.flatMap((state) -> this.states.clear(context.event().channel(), context.event().userId())
				.then("y".equals(data)
						? ScanCommand.seller(context).flatMap((cashier) -> record(context, state, cashier))
						: Mono.empty())
				.switchIfEmpty(Mono.fromSupplier(() -> List.of(this.menus.text(language, "scan.cancelled")))))
			.defaultIfEmpty(List.of(this.menus.text(language, "scan.expired")));
	}

	private Mono<List<OutgoingMessage>> record(ChatContext context, FlowState state, StaffMember cashier) {
		Currency currency = this.program.currency();
		long amount = Long.parseLong(state.get("amount"));
		return this.stores.findById(cashier.storeId())
			.map(Store::code)
			.flatMap((storeCode) -> this.recordPurchase.record(new RecordPurchaseCommand(state.get("card"), storeCode,
					state.get("receipt"), new Money(amount, currency), List.of(), cashier.id())))
			.map((outcome) -> List.of(render(context.language(), state, outcome)))
			.defaultIfEmpty(List.of(this.menus.text(context.language(), "scan.no-store")));
	}

	private OutgoingMessage render(String language, FlowState state, PurchaseOutcome outcome) {
		return switch (outcome) {
			case PurchaseOutcome.Credited credited ->
				this.menus.text(language, "scan.recorded", credited.receipt().pointsEarned(), state.get("name"),
						credited.receipt().balance(), credited.receipt().tier());
			case PurchaseOutcome.AlreadyRecorded again ->
				this.menus.text(language, "scan.already", again.receipt().pointsEarned());
			case PurchaseOutcome.ReceiptConflict conflict ->
				this.menus.text(language, "scan.conflict", conflict.receiptNo());
			case PurchaseOutcome.UnknownCard unknown -> this.menus.text(language, "scan.unknown-card");
			case PurchaseOutcome.UnknownStore unknown -> this.menus.text(language, "scan.no-store");
			case PurchaseOutcome.WrongCurrency wrong -> this.menus.text(language, "error");
			case PurchaseOutcome.CustomerBlocked blocked -> this.menus.text(language, "scan.blocked");
		};
	}

}
