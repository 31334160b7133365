package dev.punchcard.bot.command;

import java.util.List;
import java.util.Set;

import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.card.domain.QrImage;
import dev.punchcard.core.customer.application.CustomerProfiles;
import dev.punchcard.core.customer.domain.Customer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code /card}: the member card as a QR photo, with the code as text. */
@Component
class CardCommand extends MemberCommand {

	private final CustomerProfiles profiles;

	CardCommand(CustomerProfiles profiles, Menus menus) {
		super(menus);
		this.profiles = profiles;
	}

	@Override
	public Set<String> commands() {
		return Set.of("card");
	}

	@Override
	Mono<List<OutgoingMessage>> handleMember(ChatContext context, Customer customer, String argument) {
		return this.profiles.byId(customer.id())
			// rendering a QR image costs a few milliseconds of CPU: keep it off the event
			// loop
			.publishOn(Schedulers.parallel())
			.map((profile) -> List.of(new OutgoingMessage.Image(QrImage.png(profile.cardCode(), 512),
					this.menus.marked(context.language(), "card.caption", CodeSigner.grouped(profile.cardCode())))));
	}

}
