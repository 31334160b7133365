package dev.punchcard.bot.command;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.punchcard.bot.conversation.BotLinks;
import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.MarkedText;
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
 * {@code /profile}: name, phone, tier and progress, the next points to expire (if any),
 * balance, member since, referral link.
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
		MarkedText tierProgress = (profile.nextTier() == null) ? this.menus.marked(language, "profile.top-tier")
				: this.menus.marked(language, "profile.next-tier",
						Amounts.format(profile.spendToNextTierMinor(), this.program.currency().getCurrencyCode()),
						profile.nextTier());
		// nothing is said of expiry when none of the member's points expire
		MarkedText progress = Optional.ofNullable(profile.nextExpiry())
			.map((due) -> tierProgress.append("\n")
				.append(this.menus.marked(language, "profile.expiry", due.points(), due.lastDay().toString())))
			.orElse(tierProgress);
		String phone = (profile.phone() == null) ? this.menus.plain(language, "profile.no-phone") : profile.phone();
		return this.menus.text(language, "profile.text", profile.name(), phone, profile.tier(), profile.balance(),
				DAY.format(profile.memberSince()), progress,
				this.links.referral(context.event().channel(), profile.referralCode()));
	}

}
