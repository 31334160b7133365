package dev.punchcard.bot.command;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Amounts;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.leaderboard.application.ShowStanding;
import dev.punchcard.core.leaderboard.domain.Climb;
import dev.punchcard.core.leaderboard.domain.MemberStanding;
import dev.punchcard.core.leaderboard.domain.Prizes;
import dev.punchcard.core.leaderboard.domain.Standing;
import dev.punchcard.core.leaderboard.domain.WeekSchedule;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code /top} (the word {@code top} on WhatsApp): the running week's winning places with
 * shortened names, the member's own place and net spend, and what they need to climb.
 */
@Component
class TopCommand extends MemberCommand {

	private static final DateTimeFormatter CLOSE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ShowStanding standings;

	private final WeekSchedule schedule;

	private final String currency;

	private final int places;

	TopCommand(ShowStanding standings, WeekSchedule schedule, Prizes prizes, LoyaltyProgram program, Menus menus) {
		super(menus);
		this.standings = standings;
		this.schedule = schedule;
		this.places = prizes.places();
		this.currency = program.currency().getCurrencyCode();
	}

	@Override
	public Set<String> commands() {
		return Set.of("top");
	}

	@Override
	Mono<List<OutgoingMessage>> handleMember(ChatContext context, Customer customer, String argument) {
		return this.standings.of(customer.id())
			.map((standing) -> List.of(render(context.language(), standing)))
			.switchIfEmpty(Mono.fromSupplier(() -> List.of(this.menus.text(context.language(), "not-registered"))));
	}

	private OutgoingMessage render(String language, MemberStanding standing) {
		String closes = CLOSE.format(standing.week().end().atZone(this.schedule.zone()));
		MarkedText text = this.menus.marked(language, "top.title", this.places, closes);
		if (standing.top().isEmpty()) {
			text = text.append("\n").append(this.menus.marked(language, "top.empty"));
		}
		for (Standing place : standing.top()) {
			String key = place.customerId().equals(standing.mineId()) ? "top.line-mine" : "top.line";
			text = text.append("\n")
				.append(this.menus.marked(language, key, place.place(), place.name(), money(place)));
		}
		text = text.append("\n\n");
		if (standing.mine() != null) {
			text = text.append(this.menus.marked(language, "top.you", standing.mine().place(), money(standing.mine())))
				.append("\n");
		}
		return OutgoingMessage.Text.of(text.append(climb(language, standing.climb())));
	}

	private MarkedText climb(String language, Climb climb) {
		return switch (climb) {
			case Climb.Leading leading -> this.menus.marked(language, "top.leading");
			case Climb.PassAbove pass ->
				this.menus.marked(language, "top.pass", money(pass.minor()), pass.above().name(), pass.above().place());
			case Climb.EnterTop enter -> this.menus.marked(language, "top.enter", money(enter.minor()), this.places);
			case Climb.Start start -> this.menus.marked(language, "top.start", money(start.minor()), this.places);
		};
	}

	private String money(Standing standing) {
		return money(standing.netMinor());
	}

	private String money(long minor) {
		return Amounts.format(minor, this.currency);
	}

}
