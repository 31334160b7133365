package dev.punchcard.core.segment.application;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.punchcard.core.segment.application.FilterDocument.Read;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FilterDocumentTest {

	private final FilterDocument document = new FilterDocument(List.of("BRONZE", "SILVER", "GOLD"), Set.of("en", "ru"));

	@Test
	void should_read_every_criterion_and_write_it_back_the_same_when_the_document_is_valid() {
		Map<String, Object> full = new LinkedHashMap<>();
		full.put("tiers", List.of("GOLD", "SILVER"));
		full.put("homeStoreIds", List.of("123e4567-e89b-12d3-a456-426614174000"));
		full.put("reachableOn", "ANY");
		full.put("languages", List.of("ru"));
		full.put("joined", Map.of("from", "2026-01-01", "to", "2026-06-30"));
		full.put("lastPurchase", Map.of("moreThanDays", 30, "lessThanDays", 90));
		full.put("purchaseCount", Map.of("withinDays", 90, "min", 2));
		full.put("netSpend", Map.of("withinDays", 365, "minMinor", 10_000L, "maxMinor", 50_000));
		full.put("pointsBalance", Map.of("max", 100));
		full.put("neverPurchased", false);
		full.put("referred", true);
		full.put("bought", Map.of("category", "coffee", "withinDays", 30));
		full.put("favouriteCategory", "coffee");
		full.put("rfmClasses", List.of("AT_RISK", "CANNOT_LOSE"));
		full.put("churnRisks", List.of("HIGH"));

		Read read = this.document.read(full, "filter");

		assertThat(read).isInstanceOfSatisfying(Read.Valid.class, (valid) -> {
			assertThat(valid.filter().criteria()).hasSize(15);
			assertThat(this.document.read(FilterDocument.write(valid.filter()), "filter")).isEqualTo(read);
		});
	}

	@Test
	void should_name_an_unknown_field_at_the_top_and_inside_a_criterion() {
		assertThat(errors(Map.of("colour", "red"))).singleElement()
			.satisfies((error) -> assertThat(error.field()).isEqualTo("filter.colour"));
		assertThat(errors(Map.of("lastPurchase", Map.of("moreThanDays", 3, "ago", 5)))).extracting(FieldError::field)
			.containsExactly("filter.lastPurchase.ago");
	}

	@Test
	void should_refuse_bad_numbers_naming_the_field() {
		assertThat(fields(Map.of("lastPurchase", Map.of("moreThanDays", -1))))
			.containsExactly("filter.lastPurchase.moreThanDays");
		assertThat(fields(Map.of("lastPurchase", Map.of("moreThanDays", 90, "lessThanDays", 30))))
			.containsExactly("filter.lastPurchase");
		assertThat(fields(Map.of("pointsBalance", Map.of("min", 10, "max", 5))))
			.containsExactly("filter.pointsBalance");
		assertThat(fields(Map.of("netSpend", Map.of("minMinor", 1)))).containsExactly("filter.netSpend.withinDays");
		assertThat(fields(Map.of("purchaseCount", Map.of("withinDays", 30, "min", 1.5))))
			.containsExactly("filter.purchaseCount.min");
		assertThat(fields(Map.of("pointsBalance", Map.of("min", BigInteger.TEN.pow(30)))))
			.containsExactly("filter.pointsBalance.min");
		assertThat(fields(Map.of("bought", Map.of("withinDays", 4000, "sku", "A"))))
			.containsExactly("filter.bought.withinDays");
		assertThat(fields(Map.of("pointsBalance", Map.of()))).containsExactly("filter.pointsBalance");
	}

	@Test
	void should_refuse_unknown_names_of_tiers_channels_languages_and_classes() {
		assertThat(errors(Map.of("tiers", List.of("PLATINUM")))).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("PLATINUM").contains("BRONZE, SILVER, GOLD"));
		assertThat(fields(Map.of("reachableOn", "SMS"))).containsExactly("filter.reachableOn");
		assertThat(fields(Map.of("languages", List.of("de")))).containsExactly("filter.languages");
		assertThat(fields(Map.of("rfmClasses", List.of("champions")))).containsExactly("filter.rfmClasses");
		assertThat(fields(Map.of("churnRisks", List.of("VERY_HIGH")))).containsExactly("filter.churnRisks");
		assertThat(fields(Map.of("homeStoreIds", List.of("store-1")))).containsExactly("filter.homeStoreIds");
		assertThat(fields(Map.of("tiers", List.of()))).containsExactly("filter.tiers");
	}

	@Test
	void should_still_read_a_saved_filter_whose_tier_or_language_the_configuration_no_longer_has() {
		Map<String, Object> saved = Map.of("tiers", List.of("PLATINUM"), "languages", List.of("de"));

		assertThat(this.document.read(saved, "filter")).isInstanceOf(Read.Invalid.class);
		assertThat(this.document.readStored(saved, "filter")).isInstanceOfSatisfying(Read.Valid.class,
				(valid) -> assertThat(FilterDocument.write(valid.filter()))
					.isEqualTo(Map.of("tiers", List.of("PLATINUM"), "languages", List.of("de"))));
		assertThat(this.document.readStored(Map.of("tiers", List.of()), "filter"))
			.as("a saved filter is still checked otherwise")
			.isInstanceOf(Read.Invalid.class);
	}

	@Test
	void should_refuse_control_characters_blank_texts_and_wrong_types() {
		assertThat(fields(Map.of("favouriteCategory", "cof\u0000fee"))).containsExactly("filter.favouriteCategory");
		assertThat(fields(Map.of("favouriteCategory", " "))).containsExactly("filter.favouriteCategory");
		assertThat(fields(Map.of("bought", Map.of("sku", "A\nB", "withinDays", 3))))
			.containsExactly("filter.bought.sku");
		assertThat(fields(Map.of("bought", Map.of("withinDays", 3)))).containsExactly("filter.bought");
		assertThat(fields(Map.of("referred", "yes"))).containsExactly("filter.referred");
		assertThat(fields(Map.of("joined", Map.of("from", "01/02/2026")))).containsExactly("filter.joined.from");
		assertThat(fields(Map.of("joined", Map.of("from", "2026-02-01", "to", "2026-01-01"))))
			.containsExactly("filter.joined");
		assertThat(fields(Map.of("lastPurchase", 30))).containsExactly("filter.lastPurchase");
	}

	@Test
	void should_report_every_wrong_field_at_once_in_field_order() {
		assertThat(fields(Map.of("tiers", List.of("X"), "referred", 1, "zodiac", "leo")))
			.containsExactly("filter.referred", "filter.tiers", "filter.zodiac");
	}

	private List<FieldError> errors(Map<String, ?> filter) {
		Read read = this.document.read(filter, "filter");
		assertThat(read).isInstanceOf(Read.Invalid.class);
		return ((Read.Invalid) read).errors();
	}

	private List<String> fields(Map<String, ?> filter) {
		return errors(filter).stream().map(FieldError::field).toList();
	}

}
