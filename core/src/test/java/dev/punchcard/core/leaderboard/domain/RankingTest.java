package dev.punchcard.core.leaderboard.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.punchcard.core.leaderboard.domain.Ranking.Total;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RankingTest {

	private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void should_rank_by_net_spend_and_break_ties_by_who_reached_it_first_when_totals_are_equal() {
		Total late = total("Late", 50_00, T.plusSeconds(60));
		Total early = total("Early", 50_00, T);
		Total big = total("Big", 80_00, T.plusSeconds(3600));

		List<Standing> standings = Ranking.rank(List.of(late, early, big));

		assertThat(standings).extracting(Standing::name).containsExactly("Big", "Early", "Late");
		assertThat(standings).extracting(Standing::place).containsExactly(1, 2, 3);
	}

	@Test
	void should_leave_out_members_without_positive_net_spend_when_ranking() {
		assertThat(Ranking.rank(List.of(total("Refunded", 0, T), total("Buyer", 1, T)))).extracting(Standing::name)
			.containsExactly("Buyer");
	}

	@Test
	void should_order_by_customer_id_as_text_when_amount_and_time_are_equal() {
		Total a = new Total(new CustomerId(UUID.fromString("00000000-0000-0000-0000-000000000001")), "A", 10, T);
		Total b = new Total(new CustomerId(UUID.fromString("f0000000-0000-0000-0000-000000000000")), "B", 10, T);

		assertThat(Ranking.rank(List.of(b, a))).extracting(Standing::name).containsExactly("A", "B");
	}

	@Test
	void should_give_the_configured_points_per_place_and_none_beyond_when_prizes_are_set() {
		Prizes prizes = new Prizes(List.of(500L, 300L, 200L, 100L));

		assertThat(prizes.places()).isEqualTo(4);
		assertThat(prizes.forPlace(1)).isEqualTo(Points.of(500));
		assertThat(prizes.forPlace(4)).isEqualTo(Points.of(100));
		assertThat(prizes.forPlace(5)).isEqualTo(Points.ZERO);
	}

	@Test
	void should_refuse_no_prizes_or_a_non_positive_one_when_prizes_are_built() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Prizes(List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> new Prizes(List.of(500L, 0L)));
	}

	@Test
	void should_shorten_names_to_first_name_and_last_initial_when_shown_to_others() {
		assertThat(ShortName.of("Aygün Müller")).isEqualTo("Aygün M.");
		assertThat(ShortName.of("  Anna  Maria   Schmidt ")).isEqualTo("Anna S.");
		assertThat(ShortName.of("Cher")).isEqualTo("Cher");
		assertThat(ShortName.of("   ")).isEqualTo("?");
		assertThat(ShortName.of("Zoë 𝔄bc")).isEqualTo("Zoë 𝔄.");
	}

	static Total total(String name, long net, Instant reached) {
		return new Total(CustomerId.random(), name, net, reached);
	}

}
