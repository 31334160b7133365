package dev.punchcard.core.purchase.domain;

import org.jspecify.annotations.Nullable;

/**
 * One line of a receipt, kept for analytics.
 *
 * @param sku article number
 * @param name article name
 * @param category article category
 * @param quantity units bought
 * @param unitPriceMinor price per unit in minor units
 */
public record LineItem(String sku, @Nullable String name, @Nullable String category, int quantity,
		long unitPriceMinor) {

	public LineItem {
		if (quantity <= 0 || unitPriceMinor < 0) {
			throw new IllegalArgumentException("a line item needs a positive quantity and a non-negative price");
		}
	}

}
