package dev.punchcard.core.segment.infrastructure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.punchcard.core.segment.application.Audience;
import dev.punchcard.core.segment.application.RecomputeScores;
import dev.punchcard.core.segment.application.ScoreRun;
import dev.punchcard.core.segment.domain.ChurnRisk;
import dev.punchcard.core.segment.domain.Criterion;
import dev.punchcard.core.segment.domain.Criterion.Bought;
import dev.punchcard.core.segment.domain.Criterion.ChurnRiskIn;
import dev.punchcard.core.segment.domain.Criterion.FavouriteCategory;
import dev.punchcard.core.segment.domain.Criterion.HomeStoreIn;
import dev.punchcard.core.segment.domain.Criterion.JoinedBetween;
import dev.punchcard.core.segment.domain.Criterion.LanguageIn;
import dev.punchcard.core.segment.domain.Criterion.LastPurchase;
import dev.punchcard.core.segment.domain.Criterion.NetSpend;
import dev.punchcard.core.segment.domain.Criterion.NeverPurchased;
import dev.punchcard.core.segment.domain.Criterion.PointsBalance;
import dev.punchcard.core.segment.domain.Criterion.PurchaseCount;
import dev.punchcard.core.segment.domain.Criterion.ReachableOn;
import dev.punchcard.core.segment.domain.Criterion.Referred;
import dev.punchcard.core.segment.domain.Criterion.RfmClassIn;
import dev.punchcard.core.segment.domain.Criterion.TierIn;
import dev.punchcard.core.segment.domain.Reach;
import dev.punchcard.core.segment.domain.RfmClass;
import dev.punchcard.core.segment.domain.SegmentFilter;
import dev.punchcard.core.shared.domain.StoreId;
import dev.punchcard.core.support.TestClock;
import dev.punchcard.core.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each criterion's count over a small known population, RFM classes and churn risks with
 * a fixed clock. Ten members who bought in the last year (A to J) are built so that their
 * recency and frequency ranks are all different, which makes their quintiles known: ranks
 * 1–2 are quintile 1, ..., 9–10 quintile 5.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class R2dbcAudiencesIT {

	static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final Clock clock = TestClock.at(NOW);

	private DatabaseClient db;

	private R2dbcAudiences audiences;

	private final Map<String, UUID> ids = new java.util.HashMap<>();

	private StoreId north;

	private StoreId south;

	@BeforeAll
	void population() {
		this.db = TestDatabases.forModule("core").client();
		this.db.sql("TRUNCATE customer_scores, customer_score_runs, audit_log, segments, purchase_items, refunds, "
				+ "purchases, points_ledger_entries, points_balances, channel_identities, tier_changes, "
				+ "marketing_consents, notification_outbox, vouchers, chat_link_codes, customers, staff_link_codes, "
				+ "staff_chat_identities, staff, stores CASCADE")
			.then()
			.block();
		this.audiences = new R2dbcAudiences(this.db);
		Population people = new Population(this.db, NOW);
		this.north = people.store("NORTH");
		this.south = people.store("SOUTH");
		StoreId any = this.north;
		// name: purchases in the year, last purchase days ago, gap in days
		Population.Member a = people.member("A")
			.set("tier", "GOLD")
			.set("home_store_id", this.north.value())
			.balance(500)
			.chat("TELEGRAM", true)
			.store(any)
			.purchases(9, 11, 10, 1000, any)
			.items(1, 500, "Coffee", "CF-1", 800L, "tea", "T-1", 200L);
		people.member("B")
			.set("home_store_id", this.north.value())
			.set("referred_by", a.id)
			.balance(50)
			.chat("WHATSAPP", true)
			.store(any)
			.items(3, 0, "tea", "T-1", 1000L);
		people.member("C")
			.set("home_store_id", this.north.value())
			.set("referred_by", a.id)
			.set("language", "ru")
			.chat("TELEGRAM", false)
			.purchases(2, 300, 30, 1000, any);
		people.member("D")
			.set("tier", "GOLD")
			.set("home_store_id", this.south.value())
			.set("language", "ru")
			.chat("TELEGRAM", true)
			.chat("WHATSAPP", true)
			.purchases(9, 200, 20, 1000, any);
		people.member("E").purchases(6, 150, 40, 1000, any);
		people.member("F").purchases(3, 60, 30, 1000, any);
		people.member("G").purchases(4, 70, 30, 1000, any).items(40, 0, "tea", "T-2", 700L, "coffee", "CF-3", 300L);
		people.member("H")
			.set("tier", "SILVER")
			.purchases(7, 30, 10, 1000, any)
			.items(20, 0, "Coffee", "CF-4", 500L, "bakery", "B-1", 500L);
		people.member("I").purchases(4, 10, 20, 1000, any);
		people.member("J").purchases(6, 140, 40, 1000, any).items(100, 0, "coffee", "CF-2", 1000L);
		people.member("K").purchases(1, 400, 1, 1000, any);
		people.member("L").joined("2026-11-20T10:00:00Z");
		people.member("Z").joined("2026-11-25T10:00:00Z").store(any).items(5, 1000, "coffee", "CF-1", 1000L);
		people.member("X").set("tier", "GOLD").set("status", "BLOCKED");
		this.db.sql("SELECT id, name FROM customers")
			.map((row) -> Map.entry(row.get("name", String.class), row.get("id", UUID.class)))
			.all()
			.doOnNext((entry) -> this.ids.put(entry.getKey(), entry.getValue()))
			.then()
			.block();
		// B opted out of marketing on WhatsApp: still reachable there for a segment
		this.db.sql("""
				INSERT INTO marketing_consents (channel, external_id, opted_out, source, changed_at)
				SELECT channel, external_id, true, 'chat:stop', now() FROM channel_identities WHERE customer_id = :b
				""").bind("b", this.ids.get("B")).then().block();
		ScoreRun run = new RecomputeScores(new R2dbcCustomerScores(this.db, java.time.Duration.ofDays(30)),
				java.time.Duration.ofDays(1), this.clock)
			.recompute(new RecomputeScores.Trigger.Scheduled())
			.block();
		assertThat(run).isInstanceOf(ScoreRun.Recomputed.class);
	}

	@Test
	void should_hold_every_active_member_when_the_filter_is_empty() {
		assertThat(count()).isEqualTo(13);
	}

	@Test
	void should_count_members_by_tier_home_store_language_and_referral() {
		assertThat(count(new TierIn(List.of("GOLD")))).as("blocked X is never in a segment").isEqualTo(2);
		assertThat(count(new TierIn(List.of("GOLD", "SILVER")))).isEqualTo(3);
		assertThat(count(new HomeStoreIn(List.of(this.north)))).isEqualTo(3);
		assertThat(count(new HomeStoreIn(List.of(this.north, this.south)))).isEqualTo(4);
		assertThat(count(new LanguageIn(List.of("ru")))).isEqualTo(2);
		assertThat(count(new LanguageIn(List.of("en")))).isEqualTo(11);
		assertThat(count(new Referred(true))).isEqualTo(2);
		assertThat(count(new Referred(false))).isEqualTo(11);
	}

	@Test
	void should_count_reachable_members_per_channel_whatever_their_marketing_consent() {
		assertThat(count(new ReachableOn(Reach.TELEGRAM))).as("C blocked the bot").isEqualTo(2);
		assertThat(count(new ReachableOn(Reach.WHATSAPP))).as("B opted out, still reachable").isEqualTo(2);
		assertThat(count(new ReachableOn(Reach.ANY))).isEqualTo(3);
	}

	@Test
	void should_count_members_by_when_they_joined_inclusive_of_both_days() {
		assertThat(count(new JoinedBetween(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")))).isEqualTo(2);
		assertThat(count(new JoinedBetween(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-20")))).isEqualTo(1);
		assertThat(count(new JoinedBetween(LocalDate.parse("2026-11-21"), null))).isEqualTo(1);
		assertThat(count(new JoinedBetween(null, LocalDate.parse("2025-12-31")))).isEqualTo(11);
	}

	@Test
	void should_count_members_by_their_last_purchase_leaving_out_full_refunds_and_non_buyers() {
		assertThat(count(new LastPurchase(90, null))).isEqualTo(5);
		assertThat(count(new LastPurchase(null, 30))).as("Z's refunded purchase does not count").isEqualTo(4);
		assertThat(count(new LastPurchase(30, 90))).isEqualTo(2);
	}

	@Test
	void should_count_members_by_purchases_in_a_window_including_those_with_none() {
		assertThat(count(new PurchaseCount(365, 8L, null))).isEqualTo(3);
		assertThat(count(new PurchaseCount(25, 1L, null))).isEqualTo(4);
		assertThat(count(new PurchaseCount(25, null, 1L))).isEqualTo(12);
		assertThat(count(new PurchaseCount(25, 2L, 3L))).as("A: 1, 11 and 21 days ago").isEqualTo(1);
	}

	@Test
	void should_count_members_by_net_spend_after_refunds() {
		assertThat(count(new NetSpend(365, 9500L, null))).as("A 9,500 after a refund of 500").isEqualTo(1);
		assertThat(count(new NetSpend(365, 9600L, null))).isZero();
		assertThat(count(new NetSpend(365, 9000L, 9500L))).isEqualTo(2);
		assertThat(count(new NetSpend(30, null, 0L))).as("no spend in 30 days, Z refunded in full").isEqualTo(9);
	}

	@Test
	void should_count_members_by_points_balance_treating_none_as_zero() {
		assertThat(count(new PointsBalance(100L, null))).isEqualTo(1);
		assertThat(count(new PointsBalance(1L, 100L))).isEqualTo(1);
		assertThat(count(new PointsBalance(null, 0L))).isEqualTo(11);
	}

	@Test
	void should_count_members_who_never_bought_counting_a_full_refund_as_no_purchase() {
		assertThat(count(new NeverPurchased(true))).isEqualTo(2);
		assertThat(count(new NeverPurchased(false))).isEqualTo(11);
	}

	@Test
	void should_count_members_who_bought_a_category_or_sku_in_the_last_days() {
		assertThat(count(new Bought("coffee", null, 30))).as("A's Coffee and H's; Z refunded").isEqualTo(2);
		assertThat(count(new Bought("COFFEE", null, 365))).isEqualTo(4);
		assertThat(count(new Bought(null, "CF-2", 365))).isEqualTo(1);
		assertThat(count(new Bought(null, "cf-2", 365))).as("SKUs compare exactly").isZero();
		assertThat(count(new Bought("coffee", "CF-1", 365))).isEqualTo(1);
	}

	@Test
	void should_count_members_by_favourite_category_by_share_of_item_spend() {
		assertThat(ids(new FavouriteCategory("coffee"))).containsExactlyInAnyOrder(id("A"), id("J"));
		assertThat(ids(new FavouriteCategory("TEA"))).containsExactlyInAnyOrder(id("B"), id("G"));
		assertThat(ids(new FavouriteCategory("bakery"))).as("a tie goes to the first name").containsExactly(id("H"));
	}

	@Test
	void should_classify_members_by_recency_and_frequency_quintiles() {
		assertThat(classOf("A")).isEqualTo("CHAMPIONS");
		assertThat(classOf("B")).isEqualTo("NEW");
		assertThat(classOf("C")).isEqualTo("HIBERNATING");
		assertThat(classOf("D")).isEqualTo("CANNOT_LOSE");
		assertThat(classOf("E")).isEqualTo("AT_RISK");
		assertThat(classOf("F")).isEqualTo("ABOUT_TO_SLEEP");
		assertThat(classOf("G")).isEqualTo("NEED_ATTENTION");
		assertThat(classOf("H")).isEqualTo("LOYAL");
		assertThat(classOf("I")).isEqualTo("POTENTIAL_LOYALIST");
		assertThat(classOf("J")).isEqualTo("AT_RISK");
		assertThat(classOf("K")).as("bought only before the year").isEqualTo("LOST");
		assertThat(classOf("L")).as("never bought").isNull();
		assertThat(classOf("Z")).as("refunded in full").isNull();
		assertThat(scores("A")).containsExactly(5, 5, 5);
		assertThat(scores("D")).as("9 purchases of 1,000: second in spend after A").containsExactly(1, 5, 5);
		assertThat(scores("K")).containsExactly(null, null, null);
		assertThat(count(new RfmClassIn(List.of(RfmClass.AT_RISK)))).isEqualTo(2);
		assertThat(count(new RfmClassIn(List.of(RfmClass.CHAMPIONS, RfmClass.LOST)))).isEqualTo(2);
	}

	@Test
	void should_rate_churn_risk_from_silence_against_the_members_own_gap() {
		assertThat(riskOf("A")).as("1 day silent, gap 10").isEqualTo("LOW");
		assertThat(riskOf("B")).as("single purchase 3 days ago, default gap 30").isEqualTo("LOW");
		assertThat(riskOf("C")).as("300 days, gap 30").isEqualTo("HIGH");
		assertThat(riskOf("F")).as("60 days, gap 30").isEqualTo("MEDIUM");
		assertThat(riskOf("G")).as("40 days, gap 30").isEqualTo("LOW");
		assertThat(riskOf("J")).as("100 days, gap 40").isEqualTo("MEDIUM");
		assertThat(riskOf("K")).as("single purchase 400 days ago").isEqualTo("HIGH");
		assertThat(riskOf("L")).isNull();
		assertThat(count(new ChurnRiskIn(List.of(ChurnRisk.HIGH)))).isEqualTo(4);
		assertThat(count(new ChurnRiskIn(List.of(ChurnRisk.MEDIUM)))).isEqualTo(3);
		assertThat(count(new ChurnRiskIn(List.of(ChurnRisk.LOW)))).isEqualTo(4);
	}

	@Test
	void should_combine_criteria_with_and() {
		assertThat(count(new TierIn(List.of("GOLD")), new ReachableOn(Reach.TELEGRAM))).isEqualTo(2);
		assertThat(count(new TierIn(List.of("GOLD")), new ReachableOn(Reach.TELEGRAM), new LanguageIn(List.of("ru"))))
			.isEqualTo(1);
	}

	@Test
	void should_preview_the_count_and_a_sample_with_reachable_channels() {
		Audience audience = this.audiences
			.preview(SegmentFilter.of(new HomeStoreIn(List.of(this.north, this.south))), NOW, 20)
			.block();

		assertThat(audience.count()).isEqualTo(4);
		assertThat(audience.sample()).extracting((member) -> member.id().value())
			.containsExactlyInAnyOrder(id("A"), id("B"), id("C"), id("D"));
		assertThat(audience.sample()).extracting((member) -> member.id().toString()).as("in id order").isSorted();
		assertThat(audience.sample()).filteredOn((member) -> member.name().equals("D"))
			.singleElement()
			.satisfies((member) -> assertThat(member.channels()).hasSize(2).first().hasToString("TELEGRAM"));
		assertThat(audience.sample()).filteredOn((member) -> member.name().equals("C"))
			.singleElement()
			.satisfies((member) -> assertThat(member.channels()).isEmpty());
	}

	@Test
	void should_count_every_match_but_sample_only_as_many_as_asked() {
		Audience audience = this.audiences.preview(SegmentFilter.everyone(), NOW, 5).block();

		assertThat(audience.count()).isEqualTo(13);
		assertThat(audience.sample()).hasSize(5);
		assertThat(this.audiences.preview(SegmentFilter.of(new TierIn(List.of("SILVER")), new Referred(true)), NOW, 20)
			.block()).isEqualTo(new Audience(0, List.of()));
	}

	private long count(Criterion... criteria) {
		return this.audiences.count(SegmentFilter.of(criteria), NOW).block();
	}

	private List<UUID> ids(Criterion... criteria) {
		return this.audiences.preview(SegmentFilter.of(criteria), NOW, 20)
			.block()
			.sample()
			.stream()
			.map((member) -> member.id().value())
			.toList();
	}

	private UUID id(String name) {
		return this.ids.get(name);
	}

	private String classOf(String name) {
		return score(name, "rfm_class");
	}

	private String riskOf(String name) {
		return score(name, "churn_risk");
	}

	private String score(String name, String column) {
		return this.db
			.sql("SELECT " + column + " FROM customers c LEFT JOIN customer_scores s ON s.customer_id = c.id"
					+ " WHERE c.id = :id")
			.bind("id", id(name))
			.map((row) -> java.util.Optional.ofNullable(row.get(0, String.class)))
			.one()
			.block()
			.orElse(null);
	}

	private List<Integer> scores(String name) {
		return this.db
			.sql("SELECT recency_score, frequency_score, monetary_score FROM customer_scores"
					+ " WHERE customer_id = :id")
			.bind("id", id(name))
			.map((row) -> java.util.Arrays.asList(number(row.get(0)), number(row.get(1)), number(row.get(2))))
			.one()
			.block();
	}

	private static Integer number(Object value) {
		return (value == null) ? null : ((Number) value).intValue();
	}

}
