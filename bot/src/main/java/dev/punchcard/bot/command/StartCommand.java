package dev.punchcard.bot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.ChatEvent;
import dev.punchcard.bot.conversation.CommandHandler;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.card.domain.QrImage;
import dev.punchcard.core.consent.application.ChangeMarketingConsent;
import dev.punchcard.core.customer.application.JoinFromChat;
import dev.punchcard.core.customer.application.JoinFromChatCommand;
import dev.punchcard.core.customer.application.JoinOutcome;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.staff.application.LinkStaffChat;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code /start [payload]}: joins or welcomes back, from a store poster
 * ({@code s-<store>}), a friend's link ({@code r-<code>}) or a staff link
 * ({@code staff-<code>}) or a member's link code from their other messenger
 * ({@code link-<code>}, see {@link LinkCommand}). An invalid payload is explained, never
 * fatal: the shopper still becomes a member.
 */
@Component
class StartCommand implements CommandHandler {

	private final JoinFromChat joinFromChat;

	private final LinkStaffChat linkStaffChat;

	private final PointsLedger ledger;

	private final Menus menus;

	private final ChangeMarketingConsent consent;

	private final ChatLinking linking;

	StartCommand(JoinFromChat joinFromChat, LinkStaffChat linkStaffChat, PointsLedger ledger, Menus menus,
			ChangeMarketingConsent consent, ChatLinking linking) {
		this.linking = linking;
		this.joinFromChat = joinFromChat;
		this.linkStaffChat = linkStaffChat;
		this.ledger = ledger;
		this.menus = menus;
		this.consent = consent;
	}

	@Override
	public Set<String> commands() {
		return Set.of("start");
	}

	/**
	 * Starting the bot again also resumes the promotions a {@code STOP} stopped on this
	 * channel, and says so.
	 */
	@Override
	public Mono<List<OutgoingMessage>> handle(ChatContext context, String argument) {
		ChatEvent event = context.event();
		return start(context, argument)
			.flatMap((messages) -> this.consent.optIn(event.channel(), event.userId(), "chat:start")
				.map((resumed) -> resumed ? withResumed(context.language(), messages) : messages));
	}

	private List<OutgoingMessage> withResumed(String language, List<OutgoingMessage> messages) {
		List<OutgoingMessage> all = new ArrayList<>();
		all.add(this.menus.text(language, "consent.resumed"));
		all.addAll(messages);
		return all;
	}

	private Mono<List<OutgoingMessage>> start(ChatContext context, String argument) {
		StartPayload payload = StartPayload.parse(argument);
		if (payload instanceof StartPayload.StaffLink link) {
			return linkStaff(context, link.code());
		}
		if (payload instanceof StartPayload.ChatLink link) {
			return this.linking.link(context, link.code());
		}
		ChatEvent event = context.event();
		JoinFromChatCommand command = new JoinFromChatCommand(event.channel(), event.userId(), event.chatId(),
				event.displayName(), context.language(),
				(payload instanceof StartPayload.FromStore store) ? store.code() : null,
				(payload instanceof StartPayload.Referral referral) ? referral.code() : null, event.verifiedPhone());
		String notice = (payload instanceof StartPayload.Invalid) ? "start.bad-payload" : null;
		return this.joinFromChat.join(command).flatMap((outcome) -> joined(context, command, outcome, notice));
	}

	private Mono<List<OutgoingMessage>> joined(ChatContext context, JoinFromChatCommand command, JoinOutcome outcome,
			@Nullable String notice) {
		String language = context.language();
		return switch (outcome) {
			case JoinOutcome.Joined joined -> Mono.just(welcomeNew(language, joined, notice));
			case JoinOutcome.AlreadyMember member -> this.ledger.balanceOf(member.customer().id())
				.defaultIfEmpty(Points.ZERO)
				.map((balance) -> welcomeBack(language, member, balance.value(), notice));
			// an unknown store or friend still makes the shopper a member, without them
			case JoinOutcome.UnknownStore unknown -> joinPlain(context, command, "start.unknown-store");
			case JoinOutcome.UnknownReferral unknown -> joinPlain(context, command, "start.unknown-referral");
		};
	}

	private Mono<List<OutgoingMessage>> joinPlain(ChatContext context, JoinFromChatCommand command, String notice) {
		JoinFromChatCommand plain = new JoinFromChatCommand(command.channel(), command.externalId(), command.chatId(),
				command.name(), command.language(), null, null, command.verifiedPhone());
		return this.joinFromChat.join(plain).flatMap((outcome) -> joined(context, plain, outcome, notice));
	}

	private List<OutgoingMessage> welcomeNew(String language, JoinOutcome.Joined joined, @Nullable String notice) {
		List<OutgoingMessage> messages = new ArrayList<>();
		if (notice != null) {
			messages.add(this.menus.text(language, notice));
		}
		messages.add(this.menus.text(language, "welcome.new", joined.customer().name()));
		if (joined.referred()) {
			messages.add(this.menus.text(language, "welcome.referred"));
		}
		messages.add(new OutgoingMessage.Image(QrImage.png(joined.cardCode(), 512),
				this.menus.marked(language, "card.caption", CodeSigner.grouped(joined.cardCode()))));
		if (joined.customer().phone() == null) {
			messages.add(this.menus.askForPhone(language));
		}
		messages.add(this.menus.mainMenu(language));
		return messages;
	}

	private List<OutgoingMessage> welcomeBack(String language, JoinOutcome.AlreadyMember member, long balance,
			@Nullable String notice) {
		List<OutgoingMessage> messages = new ArrayList<>();
		if (notice != null) {
			messages.add(this.menus.text(language, notice));
		}
		messages.add(this.menus.text(language, "welcome.back", member.customer().name(), balance));
		if (member.customer().phone() == null) {
			messages.add(this.menus.askForPhone(language));
		}
		messages.add(this.menus.mainMenu(language));
		return messages;
	}

	private Mono<List<OutgoingMessage>> linkStaff(ChatContext context, String code) {
		ChatEvent event = context.event();
		return this.linkStaffChat.link(code, event.channel(), event.userId(), event.chatId())
			.map((staff) -> List
				.of(this.menus.text(context.language(), "start.staff-linked", staff.username(), staff.role().name())))
			.defaultIfEmpty(List.of(this.menus.text(context.language(), "start.staff-invalid")));
	}

}
