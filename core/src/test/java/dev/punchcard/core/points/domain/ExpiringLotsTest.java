package dev.punchcard.core.points.domain;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiringLotsTest {

	private static final Instant JAN = Instant.parse("2027-01-01T00:00:00Z");

	private static final Instant FEB = Instant.parse("2027-02-01T00:00:00Z");

	private static final Instant MAR = Instant.parse("2027-03-01T00:00:00Z");

	private static final Instant DEC = Instant.parse("2027-12-01T00:00:00Z");

	@Test
	void should_leave_a_whole_lot_when_nothing_was_consumed() {
		ExpiringLots lots = new ExpiringLots(List.of(new Lot(10, JAN)), 0);

		assertThat(lots.dueBy(JAN)).containsExactly(new DueExpiry(JAN, 10));
		assertThat(lots.dueBy(JAN.minusSeconds(1))).isEmpty();
	}

	@Test
	void should_take_redemptions_from_the_oldest_lots_first_when_several_are_left() {
		// earned in order: 10 expiring in January, 10 in February; 15 redeemed
		ExpiringLots lots = new ExpiringLots(List.of(new Lot(10, FEB), new Lot(10, JAN)), 15);

		assertThat(lots.dueBy(JAN)).isEmpty();
		assertThat(lots.dueBy(FEB)).containsExactly(new DueExpiry(FEB, 5));
		assertThat(lots.nextAfter(JAN.minusSeconds(1))).contains(new DueExpiry(FEB, 5));
	}

	@Test
	void should_expire_only_what_is_left_of_a_lot_when_part_of_it_was_spent() {
		ExpiringLots lots = new ExpiringLots(List.of(new Lot(10, JAN), new Lot(7, FEB)), 4);

		assertThat(lots.dueBy(MAR)).containsExactly(new DueExpiry(JAN, 6), new DueExpiry(FEB, 7));
	}

	@Test
	void should_find_nothing_due_again_when_the_expiry_was_written_as_consumption() {
		ExpiringLots before = new ExpiringLots(List.of(new Lot(10, JAN), new Lot(7, FEB)), 4);
		long expired = before.dueBy(JAN).stream().mapToLong(DueExpiry::points).sum();

		ExpiringLots after = new ExpiringLots(List.of(new Lot(10, JAN), new Lot(7, FEB)), 4 + expired);

		assertThat(expired).isEqualTo(6);
		assertThat(after.dueBy(JAN)).isEmpty();
		assertThat(after.dueBy(FEB)).containsExactly(new DueExpiry(FEB, 7));
	}

	@Test
	void should_keep_points_that_never_expire_for_last_when_the_policy_changed_mid_way() {
		// 100 points earned under "never", then the policy changed and 50 were earned
		// expiring in March; 30 redeemed since: they come out of the March lot
		ExpiringLots lots = new ExpiringLots(List.of(new Lot(100, null), new Lot(50, MAR)), 30);

		assertThat(lots.dueBy(MAR)).containsExactly(new DueExpiry(MAR, 20));
		assertThat(lots.nextAfter(MAR)).isEmpty();
	}

	@Test
	void should_expire_nothing_when_consumption_covered_every_expiring_lot() {
		ExpiringLots lots = new ExpiringLots(List.of(new Lot(100, null), new Lot(50, MAR)), 80);

		assertThat(lots.dueBy(DEC)).isEmpty();
		assertThat(lots.nextAfter(JAN)).isEmpty();
	}

	@Test
	void should_count_points_given_back_as_a_new_lot_when_a_voucher_was_cancelled() {
		// 10 earned (January), all 10 redeemed, the voucher cancelled: its 10 points come
		// back as a lot of their own with the expiry of the policy in force then
		// (December)
		ExpiringLots lots = new ExpiringLots(List.of(new Lot(10, JAN), new Lot(10, DEC)), 10);

		assertThat(lots.dueBy(JAN)).isEmpty();
		assertThat(lots.nextAfter(JAN)).contains(new DueExpiry(DEC, 10));
	}

	@Test
	void should_take_a_refund_from_the_oldest_lot_when_points_are_reversed() {
		// a refund's reversal of 8 is consumption like a redemption
		ExpiringLots lots = new ExpiringLots(List.of(new Lot(10, JAN), new Lot(10, FEB)), 8);

		assertThat(lots.dueBy(FEB)).containsExactly(new DueExpiry(JAN, 2), new DueExpiry(FEB, 10));
	}

	@Test
	void should_sum_the_lots_that_expire_at_the_same_instant() {
		ExpiringLots lots = new ExpiringLots(List.of(new Lot(3, JAN), new Lot(4, JAN), new Lot(5, FEB)), 1);

		assertThat(lots.dueBy(JAN)).containsExactly(new DueExpiry(JAN, 6));
	}

	@Test
	void should_refuse_a_negative_consumption() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new ExpiringLots(List.of(), -1));
	}

}
