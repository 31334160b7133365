package dev.punchcard.core.leaderboard.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.punchcard.core.leaderboard.domain.Ranking.Total;
import dev.punchcard.core.shared.domain.CustomerId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClimbTest {

	private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

	private static final Week WEEK = new Week(LocalDate.parse("2026-11-29"), Instant.parse("2026-11-29T23:59:00Z"),
			Instant.parse("2026-12-06T23:59:00Z"));

	private final List<Standing> ranked = ranked(12);

	@Test
	void should_tell_the_leader_they_lead_when_first() {
		MemberStanding view = MemberStanding.of(WEEK, 10, this.ranked, this.ranked.get(0).customerId());

		assertThat(view.climb()).isInstanceOf(Climb.Leading.class);
		assertThat(view.top()).hasSize(10);
	}

	@Test
	void should_ask_one_minor_unit_more_than_the_member_above_when_in_the_top() {
		Standing third = this.ranked.get(2);

		MemberStanding view = MemberStanding.of(WEEK, 10, this.ranked, third.customerId());

		assertThat(view.mine()).isEqualTo(third);
		assertThat(view.climb()).isEqualTo(new Climb.PassAbove(101, this.ranked.get(1)));
	}

	@Test
	void should_ask_what_the_tenth_has_plus_one_when_below_the_top() {
		Standing twelfth = this.ranked.get(11);

		MemberStanding view = MemberStanding.of(WEEK, 10, this.ranked, twelfth.customerId());

		assertThat(view.mine()).isEqualTo(twelfth);
		assertThat(view.climb()).isEqualTo(new Climb.EnterTop(this.ranked.get(9).netMinor() - twelfth.netMinor() + 1));
	}

	@Test
	void should_ask_for_any_purchase_when_places_are_free_and_the_tenth_plus_one_when_full() {
		CustomerId nobody = CustomerId.random();

		assertThat(MemberStanding.of(WEEK, 10, this.ranked.subList(0, 3), nobody).climb())
			.isEqualTo(new Climb.Start(1));
		assertThat(MemberStanding.of(WEEK, 10, this.ranked.subList(0, 10), nobody).climb())
			.isEqualTo(new Climb.Start(this.ranked.get(9).netMinor() + 1));
	}

	private static List<Standing> ranked(int members) {
		List<Total> totals = new ArrayList<>();
		for (int i = 0; i < members; i++) {
			totals.add(new Total(CustomerId.random(), "M" + i, 10_000 - i * 100L, T));
		}
		return Ranking.rank(totals);
	}

}
