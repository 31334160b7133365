package dev.punchcard.bot.command;

import java.util.List;
import java.util.Set;

import dev.punchcard.bot.conversation.BotLinks;
import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.CommandHandler;
import dev.punchcard.bot.conversation.CommandWords;
import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.core.customer.application.ChatLinkCode;
import dev.punchcard.core.customer.application.IssueChatLinkCode;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code /link} (the word {@code link}): a member gets a one-time code to send on their
 * other messenger, with a link that opens it there (on Telegram a deep link that sends
 * the code by itself); {@code /link <code>} there joins that chat to the membership.
 */
@Component
class LinkCommand implements CommandHandler {

	private final IssueChatLinkCode issueCode;

	private final ChatLinking linking;

	private final BotLinks links;

	private final Menus menus;

	LinkCommand(IssueChatLinkCode issueCode, ChatLinking linking, BotLinks links, Menus menus) {
		this.issueCode = issueCode;
		this.linking = linking;
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
			return this.linking.link(context, argument);
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
		MarkedText where = this.links.chatLink(other, code.code(), typed)
			.map((link) -> this.menus.marked(language, "link.where", link))
			.orElse(MarkedText.empty());
		return this.menus.text(language, "link.code", ChatLinking.channelName(other), typed, where);
	}

}
