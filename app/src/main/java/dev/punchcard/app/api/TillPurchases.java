package dev.punchcard.app.api;

import java.net.URI;
import java.util.Currency;
import java.util.List;

import dev.punchcard.app.security.CurrentStaff;
import dev.punchcard.core.purchase.application.PurchaseOutcome;
import dev.punchcard.core.purchase.application.PurchaseReceipt;
import dev.punchcard.core.purchase.application.RecordPurchase;
import dev.punchcard.core.purchase.application.RecordPurchaseCommand;
import dev.punchcard.core.purchase.domain.LineItem;
import dev.punchcard.core.shared.domain.Money;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import reactor.core.publisher.Mono;

/**
 * Recording one purchase from a till, whichever way it arrived (alone through
 * {@link PurchaseRoute}, or as an item of a batch): the request's rules, the cashier's
 * store, the currency, the use case, and its outcome as the answer the till gets.
 */
@Component
class TillPurchases {

	/**
	 * Ten billion currency units in cents: far above any real receipt, far below
	 * overflow.
	 */
	static final long MAX_AMOUNT_MINOR = 1_000_000_000_000L;

	private final RecordPurchase recordPurchase;

	private final SpringValidatorAdapter validator;

	TillPurchases(RecordPurchase recordPurchase, Validator validator) {
		this.recordPurchase = recordPurchase;
		// the adapter names fields as WebFlux's @Valid does ("items[1]", not
		// "items[1].<list element>")
		this.validator = new SpringValidatorAdapter(validator);
	}

	/**
	 * The 400 problem naming every field that breaks the request's rules, or null when
	 * there is none.
	 */
	@Nullable ResponseEntity<Object> invalid(PurchaseRequest request) {
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(request, "purchaseRequest");
		this.validator.validate(request, errors);
		return errors.hasErrors() ? Problems.badRequest(Problems.fieldErrors(errors.getFieldErrors())) : null;
	}

	/** Records a valid purchase for the staff member and answers as the API does. */
	Mono<ResponseEntity<Object>> record(PurchaseRequest request, CurrentStaff staff) {
		if (!staff.mayActAt(request.storeCode())) {
			return Mono.just(Problems
				.forbidden("A cashier records purchases only at their own store (" + staff.storeCode() + ")."));
		}
		Currency currency = currencyOf(request.currency());
		if (currency == null) {
			return Mono.just(Problems.badRequest("currency: " + request.currency() + " is not an ISO 4217 code"));
		}
		return this.recordPurchase
			.record(new RecordPurchaseCommand(request.cardCode(), request.storeCode(), request.receiptNo(),
					new Money(request.amountMinor(), currency), request.lineItems(), staff.id()))
			.map(TillPurchases::recorded);
	}

	/**
	 * The ISO 4217 currency with the code, or null (without building the set of all
	 * currencies each time).
	 */
	static @Nullable Currency currencyOf(String code) {
		try {
			return Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static ResponseEntity<Object> recorded(PurchaseOutcome outcome) {
		return switch (outcome) {
			case PurchaseOutcome.Credited credited ->
				ResponseEntity.created(URI.create("/api/v1/purchases/" + credited.receipt().purchaseId()))
					.body(PurchaseResponse.of(credited.receipt()));
			case PurchaseOutcome.AlreadyRecorded again -> ResponseEntity.ok(PurchaseResponse.of(again.receipt()));
			case PurchaseOutcome.ReceiptConflict conflict -> Problems.conflict("Receipt " + conflict.receiptNo()
					+ " was already recorded at this store with another customer or amount.");
			case PurchaseOutcome.UnknownCard unknown -> Problems.unprocessable("Unknown card",
					"The card code is not valid: it may be mistyped, forged or replaced by a newer card.");
			case PurchaseOutcome.UnknownStore unknown ->
				Problems.unprocessable("Unknown store", "No active store has code " + unknown.storeCode() + ".");
			case PurchaseOutcome.WrongCurrency wrong -> Problems.unprocessable("Wrong currency",
					"This program records purchases in " + wrong.expected() + " only.");
			case PurchaseOutcome.CustomerBlocked blocked ->
				Problems.unprocessable("Membership blocked", "This customer's membership is blocked.");
		};
	}

	record PurchaseRequest(@NotBlank @Size(max = 64) @CleanText String cardCode,
			@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be a store code") String storeCode,
			@NotBlank @Pattern(regexp = "[\\x21-\\x7E]{1,64}",
					message = "must be 1-64 printable characters without spaces") String receiptNo,
			@NotNull @Positive @Max(MAX_AMOUNT_MINOR) Long amountMinor,
			@NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR") String currency,
			@Nullable @Size(max = 500) List<@Valid @NotNull ItemRequest> items) {

		List<LineItem> lineItems() {
			return this.items == null ? List.of()
					: this.items.stream()
						.map((item) -> new LineItem(item.sku(), item.name(), item.category(), item.quantity(),
								item.unitPriceMinor()))
						.toList();
		}

	}

	record ItemRequest(@NotBlank @Size(max = 64) @CleanText String sku,
			@Nullable @Size(max = 200) @CleanText String name, @Nullable @Size(max = 100) @CleanText String category,
			@NotNull @Positive @Max(1_000_000) Integer quantity,
			@NotNull @PositiveOrZero @Max(MAX_AMOUNT_MINOR) Long unitPriceMinor) {
	}

	record PurchaseResponse(String purchaseId, String customerId, long pointsEarned, long balance, String tier) {

		static PurchaseResponse of(PurchaseReceipt receipt) {
			return new PurchaseResponse(receipt.purchaseId().toString(), receipt.customerId().toString(),
					receipt.pointsEarned(), receipt.balance(), receipt.tier());
		}

	}

}
