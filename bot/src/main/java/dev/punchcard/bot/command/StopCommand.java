package dev.punchcard.bot.command;

import java.util.List;
import java.util.Set;

import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.ChatEvent;
import dev.punchcard.bot.conversation.CommandHandler;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.core.consent.application.ChangeMarketingConsent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code /stop} ({@code STOP}, {@code СТОП}, {@code unsubscribe}): no more promotions on
 * this channel, recorded with its time and source, and confirmed; the member's own
 * purchase, points and voucher notices still come. {@code /start} resumes them.
 */
@Component
class StopCommand implements CommandHandler {

	private final ChangeMarketingConsent consent;

	private final Menus menus;

	StopCommand(ChangeMarketingConsent consent, Menus menus) {
		this.consent = consent;
		this.menus = menus;
	}

	@Override
	public Set<String> commands() {
		return Set.of("stop");
	}

	@Override
	public Mono<List<OutgoingMessage>> handle(ChatContext context, String argument) {
		ChatEvent event = context.event();
		return this.consent.optOut(event.channel(), event.userId(), "chat:stop")
			.map((stopped) -> List
				.of(this.menus.text(context.language(), stopped ? "consent.stopped" : "consent.already-stopped")));
	}

}
