package dev.punchcard.core.customer.application;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.points.application.NextExpiries;
import dev.punchcard.core.points.domain.DueExpiry;
import dev.punchcard.core.points.domain.Tier;
import dev.punchcard.core.points.domain.TierPolicy;
import dev.punchcard.core.shared.domain.CustomerId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Profiles of customers, with the next points to expire: by id, or by a scanned member
 * card code.
 */
public class CustomerProfiles {

	private final CustomerViews views;

	private final CodeSigner codes;

	private final TierPolicy tiers;

	private final NextExpiries expiries;

	private final Clock clock;

	public CustomerProfiles(CustomerViews views, CodeSigner codes, TierPolicy tiers, NextExpiries expiries,
			Clock clock) {
		this.views = views;
		this.codes = codes;
		this.tiers = tiers;
		this.expiries = expiries;
		this.clock = clock;
	}

	/** Emits the profile, or completes empty for an unknown customer. */
	public Mono<CustomerProfile> byId(CustomerId id) {
		return this.views.findById(id, this.clock.instant().minus(this.tiers.window())).flatMap(this::withNextExpiry);
	}

	/**
	 * Emits the profile of the card's holder, or completes empty when the code is
	 * malformed, forged, signed with a retired key, or belongs to a card that was
	 * re-issued.
	 */
	public Mono<CustomerProfile> byCardCode(String cardCode) {
		OptionalLong cardNumber = this.codes.verify(CodePurpose.CARD, cardCode);
		if (cardNumber.isEmpty()) {
			return Mono.empty();
		}
		return this.views.findByCardNumber(cardNumber.getAsLong(), this.clock.instant().minus(this.tiers.window()))
			.flatMap(this::withNextExpiry);
	}

	private Mono<CustomerProfile> withNextExpiry(CustomerView view) {
		return this.expiries.of(view.customer().id())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.map((next) -> profile(view, next.orElse(null)));
	}

	private CustomerProfile profile(CustomerView view, @Nullable DueExpiry nextExpiry) {
		Customer customer = view.customer();
		Tier tier = this.tiers.named(customer.tier());
		Optional<Tier> next = this.tiers.above(tier);
		long toNext = next.map((up) -> Math.max(0, up.thresholdMinor() - view.netSpendMinor())).orElse(0L);
		return new CustomerProfile(customer.id(), customer.name(), customer.phone(), customer.language(),
				view.homeStoreCode(), customer.status(), tier.name(), view.balance(), view.netSpendMinor(),
				next.map(Tier::name).orElse(null), toNext, customer.createdAt(), customer.referralCode(),
				this.codes.sign(CodePurpose.CARD, customer.cardNumber()), view.rfmClass(), view.churnRisk(),
				nextExpiry);
	}

}
