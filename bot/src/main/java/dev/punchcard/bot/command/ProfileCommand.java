package dev.punchcard.bot.command;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import dev.punchcard.bot.conversation.BotLinks;
import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Amounts;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.core.customer.application.CustomerProfile;
import dev.punchcard.core.customer.application.CustomerProfiles;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code /profile}: name, phone, tier and progress, balance, member since, referral link.
 */
@Component
class ProfileCommand extends MemberCommand {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	private final CustomerProfiles profiles;

	private final BotLinks links;

	private final LoyaltyProgram program;

	ProfileCommand(CustomerProfiles profiles, BotLinks links, LoyaltyProgram program, Menus menus) {
		super(menus);
		this.profiles = profiles;
		this.links = links;
		this.program = program;
	}

	@Override
	public Set<String> commands() {
		return Set.of("profile");
	}

	@Override
	Mono<List<OutgoingMessage>> handleMember(ChatContext context, Customer customer, String argument) {
		return this.profiles.byId(customer.id()).map((profile) -> List.of(render(context, profile)));
	}

	private OutgoingMessage render(ChatContext context, CustomerProfile profile) {
		String language = context.language();
		String progress = (profile.nextTier() == null) ? this.menus.html(language, "profile.top-tier")
				: this.menus.html(language, "profile.next-tier",
						Amounts.format(profile.spendToNextTierMinor(), this.program.currency().getCurrencyCode()),
						profile.nextTier());
		String phone = (profile.phone() == null) ? this.menus.html(language, "profile.no-phone") : profile.phone();
		// progress is already-escaped HTML from our own bundle: insert it verbatim
		String text = this.menus.html(language, "profile.text", profile.name(), phone, profile.tier(),
				profile.balance(), DAY.format(profile.memberSince()), "\u0000",
				this.links.referral(context.event().channel(), profile.referralCode()));
		return OutgoingMessage.Text.of(text.replace("\u0000", progress));
	}

}
