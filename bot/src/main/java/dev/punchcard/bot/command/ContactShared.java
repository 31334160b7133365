package dev.punchcard.bot.command;

import java.util.List;

import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.ChatInput;
import dev.punchcard.bot.conversation.DefaultHandler;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.core.customer.application.ContactOutcome;
import dev.punchcard.core.customer.application.ShareContact;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.shared.domain.Points;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A shared contact counts only when it is the sender's own (its user id equals the
 * sender's).
 */
@Component
class ContactShared implements DefaultHandler {

	private final ShareContact shareContact;

	private final PointsLedger ledger;

	private final Menus menus;

	ContactShared(ShareContact shareContact, PointsLedger ledger, Menus menus) {
		this.shareContact = shareContact;
		this.ledger = ledger;
		this.menus = menus;
	}

	@Override
	public boolean accepts(ChatInput input) {
		return input instanceof ChatInput.SharedContact;
	}

	@Override
	public Mono<List<OutgoingMessage>> handle(ChatContext context) {
		String language = context.language();
		ChatInput.SharedContact contact = (ChatInput.SharedContact) context.event().input();
		if (!context.event().userId().equals(contact.contactUserId())) {
			return Mono.just(List.of(this.menus.askForPhone(language, "phone.not-own")));
		}
		return this.shareContact.share(context.event().channel(), context.event().userId(), contact.phoneNumber())
			.flatMap((outcome) -> render(language, outcome));
	}

	private Mono<List<OutgoingMessage>> render(String language, ContactOutcome outcome) {
		if (outcome instanceof ContactOutcome.JoinedMember joined) {
			return this.ledger.balanceOf(joined.member().id())
				.defaultIfEmpty(Points.ZERO)
				.map((balance) -> List.of(
						this.menus.text(language, "phone.joined", joined.member().name(), balance.value()),
						this.menus.mainMenu(language)));
		}
		return Mono.just(List.of(message(language, outcome)));
	}

	private OutgoingMessage message(String language, ContactOutcome outcome) {
		return switch (outcome) {
			case ContactOutcome.JoinedMember joined ->
				this.menus.text(language, "phone.joined", joined.member().name(), 0L);
			case ContactOutcome.PhoneSaved saved -> this.menus.text(language, "phone.saved", saved.e164());
			case ContactOutcome.PhoneTaken taken -> this.menus.text(language, "phone.taken");
			case ContactOutcome.InvalidPhone invalid -> this.menus.text(language, "phone.invalid");
			case ContactOutcome.NotRegistered unknown -> this.menus.text(language, "not-registered");
		};
	}

}
