package dev.punchcard.bot.command;

import java.util.List;
import java.util.Set;

import dev.punchcard.bot.conversation.BotLinks;
import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.ChatEvent;
import dev.punchcard.bot.conversation.CommandHandler;
import dev.punchcard.bot.conversation.CommandWords;
import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.core.customer.application.ChatLinkCode;
import dev.punchcard.core.customer.application.IssueChatLinkCode;
import dev.punchcard.core.customer.application.LinkChats;
import dev.punchcard.core.customer.application.LinkChatsCommand;
import dev.punchcard.core.customer.application.LinkOutcome;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.Points;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code /link} (the word {@code link}): a member gets a one-time code to send on their
 * other messenger; {@code /link <code>} there joins that chat to the membership.
 */
@Component
class LinkCommand implements CommandHandler {

	private final IssueChatLinkCode issueCode;

	private final LinkChats linkChats;

	private final PointsLedger ledger;

	private final BotLinks links;

	private final Menus menus;

	LinkCommand(IssueChatLinkCode issueCode, LinkChats linkChats, PointsLedger ledger, BotLinks links, Menus menus) {
		this.issueCode = issueCode;
		this.linkChats = linkChats;
		this.ledger = ledger;
		this.links = links;
		this.menus = menus;
	}

	@Override
	public Set<String> commands() {
		return Set.of("link");
	}

	@Override
	public Mono<List<OutgoingMessage>> handle(ChatContext context, String argument) {
		if (!argument.isBlank()) {
			ChatEvent event = context.event();
			return this.linkChats.link(new LinkChatsCommand(event.channel(), event.userId(), event.chatId(), argument))
				.flatMap((outcome) -> linked(context.language(), outcome));
		}
		return context.customer()
			.map((customer) -> issue(context, customer))
			.orElseGet(() -> Mono.just(List.of(this.menus.text(context.language(), "not-registered"))));
	}

	private Mono<List<OutgoingMessage>> issue(ChatContext context, Customer customer) {
		ChatChannel other = (context.event().channel() == ChatChannel.TELEGRAM) ? ChatChannel.WHATSAPP
				: ChatChannel.TELEGRAM;
		return this.issueCode.issue(customer.id(), context.event().channel())
			.map((code) -> List.of(codeMessage(context.language(), other, code)));
	}

	private OutgoingMessage codeMessage(String language, ChatChannel other, ChatLinkCode code) {
		String typed = CommandWords.word("link", language) + " " + code.grouped();
		MarkedText where = this.links.chat(other, typed)
			.map((link) -> this.menus.marked(language, "link.where", link))
			.orElse(MarkedText.empty());
		return this.menus.text(language, "link.code", channelName(other), typed, where);
	}

	private Mono<List<OutgoingMessage>> linked(String language, LinkOutcome outcome) {
		return switch (outcome) {
			case LinkOutcome.Linked linked ->
				withBalance(language, linked.merged() ? "link.merged" : "link.linked", linked.member());
			case LinkOutcome.AlreadyLinked already -> reply(language, "link.already");
			case LinkOutcome.SameChannel same -> reply(language, "link.same-channel", channelName(same.channel()));
			case LinkOutcome.InvalidCode invalid ->
				reply(language, "link.invalid", CommandWords.word("link", language));
			case LinkOutcome.TooManyAttempts tooMany -> reply(language, "link.too-many");
			case LinkOutcome.BothHaveHistory both -> reply(language, "link.both-history");
		};
	}

	private Mono<List<OutgoingMessage>> withBalance(String language, String key, Customer member) {
		return this.ledger.balanceOf(member.id())
			.defaultIfEmpty(Points.ZERO)
			.map((balance) -> List.of(this.menus.text(language, key, member.name(), balance.value()),
					this.menus.mainMenu(language)));
	}

	private Mono<List<OutgoingMessage>> reply(String language, String key, Object... args) {
		return Mono.just(List.of(this.menus.text(language, key, args)));
	}

	private static String channelName(ChatChannel channel) {
		return (channel == ChatChannel.TELEGRAM) ? "Telegram" : "WhatsApp";
	}

}
