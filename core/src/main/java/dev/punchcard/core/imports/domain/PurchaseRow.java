package dev.punchcard.core.imports.domain;

import java.time.Instant;
import java.util.List;

import dev.punchcard.core.purchase.domain.LineItem;

/**
 * A purchase as a purchases file describes it.
 *
 * @param lineNo the line
 * @param customer who bought
 * @param storeCode where
 * @param receiptNo the receipt number, unique per store
 * @param at when
 * @param amountMinor amount paid in the program currency's minor units
 * @param items line items, may be empty
 */
public record PurchaseRow(long lineNo, CustomerKey customer, String storeCode, String receiptNo, Instant at,
		long amountMinor, List<LineItem> items) {

}
