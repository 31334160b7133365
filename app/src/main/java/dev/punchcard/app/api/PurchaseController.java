package dev.punchcard.app.api;

import java.net.URI;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;

import dev.punchcard.app.security.CurrentStaff;
import dev.punchcard.core.purchase.application.PurchaseOutcome;
import dev.punchcard.core.purchase.application.PurchaseReceipt;
import dev.punchcard.core.purchase.application.RecordPurchase;
import dev.punchcard.core.purchase.application.RecordPurchaseCommand;
import dev.punchcard.core.purchase.application.RefundOutcome;
import dev.punchcard.core.purchase.application.RefundPurchase;
import dev.punchcard.core.purchase.application.RefundPurchaseCommand;
import dev.punchcard.core.purchase.application.RefundReceipt;
import dev.punchcard.core.purchase.domain.LineItem;
import dev.punchcard.core.shared.domain.Money;
import dev.punchcard.core.shared.domain.PurchaseId;
import jakarta.validation.ConstraintViolation;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tills record purchases (once per store and receipt number) and refunds (once per refund
 * number).
 */
@RestController
class PurchaseController {

	/** The most purchases one batch call may carry. */
	static final int MAX_BATCH = 500;

	/**
	 * Ten billion currency units in cents: far above any real receipt, far below
	 * overflow.
	 */
	static final long MAX_AMOUNT_MINOR = 1_000_000_000_000L;

	private final RecordPurchase recordPurchase;

	private final RefundPurchase refundPurchase;

	private final Validator validator;

	PurchaseController(RecordPurchase recordPurchase, RefundPurchase refundPurchase, Validator validator) {
		this.recordPurchase = recordPurchase;
		this.refundPurchase = refundPurchase;
		this.validator = validator;
	}

	@PostMapping("/api/v1/purchases")
	Mono<ResponseEntity<Object>> record(@Valid @RequestBody PurchaseRequest request,
			@AuthenticationPrincipal Jwt token) {
		return recordFor(request, CurrentStaff.of(token));
	}

	/**
	 * A till that was offline sends up to {@value #MAX_BATCH} purchases at once: each is
	 * validated and recorded as if sent alone, in order, and answered in its place (201
	 * recorded, 200 already recorded with the original result, or its problem).
	 */
	@PostMapping("/api/v1/purchases:batch")
	Mono<ResponseEntity<Object>> recordBatch(@RequestBody BatchRequest batch, @AuthenticationPrincipal Jwt token) {
		if (batch.purchases() == null || batch.purchases().isEmpty() || batch.purchases().size() > MAX_BATCH) {
			return Mono.just(Problems.badRequest("purchases: must hold 1 to " + MAX_BATCH + " purchases"));
		}
		CurrentStaff staff = CurrentStaff.of(token);
		return Flux.fromIterable(batch.purchases())
			.index()
			.concatMap((item) -> itemResult(item.getT1().intValue(), item.getT2(), staff))
			.collectList()
			.map((results) -> ResponseEntity.ok().<Object>body(new BatchResponse(results)));
	}

	private Mono<BatchItemResponse> itemResult(int index, @Nullable PurchaseRequest request, CurrentStaff staff) {
		if (request == null) {
			return Mono.just(BatchItemResponse.of(index,
					Problems.badRequest("purchases[" + index + "]: must be a purchase, not null")));
		}
		Set<ConstraintViolation<PurchaseRequest>> violations = this.validator.validate(request);
		if (!violations.isEmpty()) {
			String detail = violations.stream()
				.map((violation) -> violation.getPropertyPath() + ": " + violation.getMessage())
				.sorted()
				.collect(Collectors.joining("; "));
			return Mono.just(BatchItemResponse.of(index, Problems.badRequest(detail)));
		}
		return recordFor(request, staff).map((response) -> BatchItemResponse.of(index, response));
	}

	private Mono<ResponseEntity<Object>> recordFor(PurchaseRequest request, CurrentStaff staff) {
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
			.map(PurchaseController::recorded);
	}

	@PostMapping("/api/v1/purchases/{id}/refunds")
	Mono<ResponseEntity<Object>> refund(@PathVariable UUID id, @Valid @RequestBody RefundRequest request,
			@AuthenticationPrincipal Jwt token) {
		return this.refundPurchase
			.refund(new RefundPurchaseCommand(new PurchaseId(id), request.refundNo(), request.amountMinor(),
					CurrentStaff.of(token).id()))
			.map((outcome) -> refunded(id, outcome));
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

	private static ResponseEntity<Object> refunded(UUID purchaseId, RefundOutcome outcome) {
		return switch (outcome) {
			case RefundOutcome.Refunded refunded ->
				ResponseEntity.status(HttpStatus.CREATED).body(RefundResponse.of(refunded.receipt()));
			case RefundOutcome.AlreadyRefunded again -> ResponseEntity.ok(RefundResponse.of(again.receipt()));
			case RefundOutcome.RefundConflict conflict -> Problems.conflict(
					"Refund " + conflict.refundNo() + " was already recorded for this purchase with another amount.");
			case RefundOutcome.UnknownPurchase unknown -> Problems.notFound("No purchase has id " + purchaseId + ".");
			case RefundOutcome.ExceedsPurchase exceeds -> Problems.unprocessable("Refund too large",
					"At most " + exceeds.refundableMinor() + " (minor units) of this purchase can still be refunded.");
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

	record BatchRequest(@Nullable List<@Nullable PurchaseRequest> purchases) {
	}

	record BatchResponse(List<BatchItemResponse> results) {
	}

	/**
	 * One purchase's answer in a batch: its index, status ({@code RECORDED},
	 * {@code ALREADY_RECORDED} or {@code REJECTED}), HTTP status as if sent alone, and
	 * the purchase or the problem.
	 */
	record BatchItemResponse(int index, String status, int httpStatus, @Nullable Object purchase,
			@Nullable Object problem) {

		static BatchItemResponse of(int index, ResponseEntity<Object> single) {
			int code = single.getStatusCode().value();
			return switch (code) {
				case 201 -> new BatchItemResponse(index, "RECORDED", code, single.getBody(), null);
				case 200 -> new BatchItemResponse(index, "ALREADY_RECORDED", code, single.getBody(), null);
				default -> new BatchItemResponse(index, "REJECTED", code, null, single.getBody());
			};
		}

	}

	record RefundRequest(
			@NotBlank @Pattern(regexp = "[\\x21-\\x7E]{1,64}",
					message = "must be 1-64 printable characters without spaces") String refundNo,
			@NotNull @Positive @Max(MAX_AMOUNT_MINOR) Long amountMinor) {
	}

	record RefundResponse(String refundId, String purchaseId, long amountMinor, long pointsReversed, long balance,
			String tier) {

		static RefundResponse of(RefundReceipt receipt) {
			return new RefundResponse(receipt.refundId().toString(), receipt.purchaseId().toString(),
					receipt.amountMinor(), receipt.pointsReversed(), receipt.balance(), receipt.tier());
		}

	}

}
