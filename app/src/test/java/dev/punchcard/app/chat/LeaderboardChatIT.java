package dev.punchcard.app.chat;

import java.time.Clock;

import dev.punchcard.app.api.ApiIT;
import dev.punchcard.bot.conversation.Conversation;
import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.leaderboard.application.AwardWeek;
import dev.punchcard.core.leaderboard.application.WeekAward;
import dev.punchcard.core.leaderboard.domain.WeekSchedule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /top} on Telegram and the word {@code top} on WhatsApp over the real engine and
 * database, and the winners' prizes and notices when a week is awarded.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class LeaderboardChatIT extends ApiIT {

	@Autowired
	Conversation conversation;

	@Autowired
	CodeSigner codes;

	@Autowired
	AwardWeek awardWeek;

	@Autowired
	WeekSchedule schedule;

	@Autowired
	Clock clock;

	private ChatUser aygun;

	private ChatUser bob;

	private ChatUser cara;

	@BeforeEach
	void givenTwoShoppersWhoBoughtThisWeek() {
		String store = this.till.openStore();
		String cashier = this.till.staff("CASHIER", store);
		this.aygun = new ChatUser(this.conversation, "7001", "Aygün Müller", "en");
		this.bob = ChatUser.onWhatsApp(this.conversation, "4915112345601", "Bob Stone", "en");
		this.cara = new ChatUser(this.conversation, "7003", "Cara", "ru");
		this.aygun.send("/start");
		this.bob.type("hi");
		this.cara.send("/start");
		this.till.purchase(cashier, card("Aygün Müller"), store, "R-1", 50_00, HttpStatus.CREATED);
		this.till.purchase(cashier, card("Bob Stone"), store, "R-2", 19_99, HttpStatus.CREATED);
	}

	@Test
	void should_show_the_top_with_short_names_and_the_leaders_place_when_a_telegram_member_sends_top() {
		String reply = ChatUser.texts(this.aygun.send("/top"));

		assertThat(reply).contains("This week's top 10")
			.contains("1. <b>Aygün M.</b> · 50.00 EUR ← you")
			.contains("2. Bob S. · 19.99 EUR")
			.contains("Your place: <b>1</b> with 50.00 EUR.")
			.contains("You are in first place.");
	}

	@Test
	void should_tell_what_it_takes_to_pass_the_member_above_when_a_whatsapp_member_types_top() {
		String reply = ChatUser.texts(this.bob.type("top"));

		assertThat(reply).contains("Aygün M.").contains("Spend 30.02 EUR more to pass Aygün M. (place 1).");
	}

	@Test
	void should_give_a_helpful_line_in_their_language_when_a_member_without_purchases_asks() {
		String reply = ChatUser.texts(this.cara.type("топ"));

		assertThat(reply).contains("Топ-10 этой недели").contains("На этой неделе у вас ещё нет покупок");
	}

	@Test
	void should_credit_and_tell_each_winner_once_when_the_week_is_awarded() {
		var now = this.clock.instant();
		var week = this.schedule.weekAt(now);

		WeekAward first = this.awardWeek.award(week, now).block();
		WeekAward second = this.awardWeek.award(week, now).block();

		assertThat(first).isInstanceOfSatisfying(WeekAward.Awarded.class,
				(awarded) -> assertThat(awarded.winners()).hasSize(2));
		assertThat(second).isInstanceOf(WeekAward.AlreadyAwarded.class);
		assertThat(scalar("SELECT count(*) FROM notification_outbox WHERE kind = 'WeeklyTopPrize'")).isEqualTo(2);
		assertThat(scalar("SELECT sum(delta) FROM points_ledger_entries WHERE source_type = 'WEEKLY_TOP'"))
			.isEqualTo(800);
		assertThat(ledgerMismatches()).isZero();
		assertThat(this.till.get(this.till.adminToken(), "/api/v1/leaderboard", HttpStatus.OK).path("places"))
			.hasSize(2);
	}

	private String card(String name) {
		Long number = this.db.sql("SELECT card_number FROM customers WHERE name = :name")
			.bind("name", name)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
		return this.codes.sign(CodePurpose.CARD, number);
	}

	private long scalar(String sql) {
		return this.db.sql(sql).map((row) -> ((Number) row.get(0)).longValue()).one().block();
	}

}
