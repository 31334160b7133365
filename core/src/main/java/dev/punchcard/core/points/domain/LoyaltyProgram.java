package dev.punchcard.core.points.domain;

import java.util.Currency;
import java.util.Objects;

import dev.punchcard.core.shared.domain.Money;
import dev.punchcard.core.shared.domain.Points;

/**
 * The configured program: its one currency, the earning rule and the tiers.
 *
 * @param currency the program currency; purchases in another one are rejected
 * @param earning points per currency unit
 * @param tiers tiers and their window
 */
public record LoyaltyProgram(Currency currency, EarningRule earning, TierPolicy tiers) {

	public LoyaltyProgram {
		Objects.requireNonNull(currency, "currency");
	}

	public boolean accepts(Money amount) {
		return this.currency.equals(amount.currency());
	}

	public Points pointsFor(Money amount, String tierName) {
		return this.earning.pointsFor(amount, this.tiers.named(tierName));
	}

}
