package dev.punchcard.core.purchase.application;

import java.util.ArrayList;
import java.util.List;

import dev.punchcard.core.card.domain.CodeSignerFixture;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.purchase.domain.LineItem;
import dev.punchcard.core.shared.domain.Money;
import dev.punchcard.core.shared.domain.PurchaseId;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.store.domain.Store;
import org.jspecify.annotations.Nullable;

/** Builds what a till reports: purchases and refunds. */
public final class PurchaseFixture {

	private PurchaseFixture() {
	}

	/**
	 * A purchase of 10.00 EUR under receipt {@code R-1}, scanned from the customer's
	 * current card.
	 */
	public static RecordPurchaseCommandBuilder aPurchaseBy(Customer customer) {
		return new RecordPurchaseCommandBuilder(CodeSignerFixture.cardCode(customer.cardNumber()));
	}

	/** A refund of 1.00 EUR under refund number {@code F-1}. */
	public static RefundPurchaseCommandBuilder aRefundOf(PurchaseId purchaseId) {
		return new RefundPurchaseCommandBuilder(purchaseId);
	}

	public static final class RecordPurchaseCommandBuilder {

		private String cardCode;

		private String storeCode = "S0";

		private String receiptNo = "R-1";

		private Money amount = Money.of(10_00, "EUR");

		private final List<LineItem> items = new ArrayList<>();

		private @Nullable StaffId cashierId;

		private java.time.@Nullable Instant boughtAt;

		private RecordPurchaseCommandBuilder(String cardCode) {
			this.cardCode = cardCode;
		}

		public RecordPurchaseCommandBuilder at(Store store) {
			this.storeCode = store.code();
			return this;
		}

		public RecordPurchaseCommandBuilder atStoreCode(String storeCode) {
			this.storeCode = storeCode;
			return this;
		}

		public RecordPurchaseCommandBuilder withCardCode(String cardCode) {
			this.cardCode = cardCode;
			return this;
		}

		public RecordPurchaseCommandBuilder receipt(String receiptNo) {
			this.receiptNo = receiptNo;
			return this;
		}

		/** The amount in euro cents. */
		public RecordPurchaseCommandBuilder amount(long euroCents) {
			return amount(Money.of(euroCents, "EUR"));
		}

		public RecordPurchaseCommandBuilder amount(Money amount) {
			this.amount = amount;
			return this;
		}

		public RecordPurchaseCommandBuilder item(LineItem item) {
			this.items.add(item);
			return this;
		}

		public RecordPurchaseCommandBuilder by(StaffId cashierId) {
			this.cashierId = cashierId;
			return this;
		}

		/** Bought at the instant (as an import reports it), not now. */
		public RecordPurchaseCommandBuilder boughtAt(java.time.Instant at) {
			this.boughtAt = at;
			return this;
		}

		public RecordPurchaseCommand build() {
			return new RecordPurchaseCommand(this.cardCode, this.storeCode, this.receiptNo, this.amount,
					List.copyOf(this.items), this.cashierId, this.boughtAt);
		}

	}

	public static final class RefundPurchaseCommandBuilder {

		private final PurchaseId purchaseId;

		private String refundNo = "F-1";

		private long amountMinor = 1_00;

		private @Nullable StaffId cashierId;

		private RefundPurchaseCommandBuilder(PurchaseId purchaseId) {
			this.purchaseId = purchaseId;
		}

		public RefundPurchaseCommandBuilder number(String refundNo) {
			this.refundNo = refundNo;
			return this;
		}

		/** The amount in euro cents. */
		public RefundPurchaseCommandBuilder amount(long euroCents) {
			this.amountMinor = euroCents;
			return this;
		}

		public RefundPurchaseCommandBuilder by(StaffId cashierId) {
			this.cashierId = cashierId;
			return this;
		}

		public RefundPurchaseCommand build() {
			return new RefundPurchaseCommand(this.purchaseId, this.refundNo, this.amountMinor, this.cashierId);
		}

	}

}
