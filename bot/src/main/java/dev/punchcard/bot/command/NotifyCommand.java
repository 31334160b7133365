package dev.punchcard.bot.command;

import java.util.List;
import java.util.Set;

import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.core.customer.application.PreferNoticeChannel;
import dev.punchcard.core.customer.domain.Customer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code /notify} ({@code notify here}, {@code уведомления сюда}): a member's
 * notifications (points credited, vouchers, …) come to this messenger first; without a
 * choice they come to the one the member wrote from last.
 */
@Component
class NotifyCommand extends MemberCommand {

	private final PreferNoticeChannel preferNoticeChannel;

	NotifyCommand(PreferNoticeChannel preferNoticeChannel, Menus menus) {
		super(menus);
		this.preferNoticeChannel = preferNoticeChannel;
	}

	@Override
	public Set<String> commands() {
		return Set.of("notify");
	}

	@Override
	Mono<List<OutgoingMessage>> handleMember(ChatContext context, Customer customer, String argument) {
		return this.preferNoticeChannel.prefer(customer.id(), context.event().channel())
			.map((changed) -> List.of(this.menus.text(context.language(), changed ? "notify.here" : "notify.already")));
	}

}
