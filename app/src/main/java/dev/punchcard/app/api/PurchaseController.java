package dev.punchcard.app.api;

import java.util.List;
import java.util.UUID;

import dev.punchcard.app.api.TillPurchases.PurchaseRequest;
import dev.punchcard.app.security.CurrentStaff;
import dev.punchcard.core.purchase.application.RefundOutcome;
import dev.punchcard.core.purchase.application.RefundPurchase;
import dev.punchcard.core.purchase.application.RefundPurchaseCommand;
import dev.punchcard.core.purchase.application.RefundReceipt;
import dev.punchcard.core.shared.domain.PurchaseId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
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

	private final TillPurchases purchases;

	private final RefundPurchase refundPurchase;

	PurchaseController(TillPurchases purchases, RefundPurchase refundPurchase) {
		this.purchases = purchases;
		this.refundPurchase = refundPurchase;
	}

	/**
	 * The contract of recording one purchase, as the API documentation shows it. A
	 * running server answers this path with {@link PurchaseRoute}, ahead of WebFlux,
	 * through the same {@link TillPurchases}; this mapping serves it where requests reach
	 * WebFlux directly, and {@code PurchaseRouteParityIT} holds the two to the same
	 * answers.
	 */
	@PostMapping("/api/v1/purchases")
	Mono<ResponseEntity<Object>> record(@Valid @RequestBody PurchaseRequest request,
			@AuthenticationPrincipal Jwt token) {
		return this.purchases.record(request, CurrentStaff.of(token));
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
		ResponseEntity<Object> invalid = this.purchases.invalid(request);
		if (invalid != null) {
			return Mono.just(BatchItemResponse.of(index, invalid));
		}
		return this.purchases.record(request, staff).map((response) -> BatchItemResponse.of(index, response));
	}

	@PostMapping("/api/v1/purchases/{id}/refunds")
	Mono<ResponseEntity<Object>> refund(@PathVariable UUID id, @Valid @RequestBody RefundRequest request,
			@AuthenticationPrincipal Jwt token) {
		return this.refundPurchase
			.refund(new RefundPurchaseCommand(new PurchaseId(id), request.refundNo(), request.amountMinor(),
					CurrentStaff.of(token).id()))
			.map((outcome) -> refunded(id, outcome));
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
			@NotNull @Positive @Max(TillPurchases.MAX_AMOUNT_MINOR) Long amountMinor) {
	}

	record RefundResponse(String refundId, String purchaseId, long amountMinor, long pointsReversed, long balance,
			String tier) {

		static RefundResponse of(RefundReceipt receipt) {
			return new RefundResponse(receipt.refundId().toString(), receipt.purchaseId().toString(),
					receipt.amountMinor(), receipt.pointsReversed(), receipt.balance(), receipt.tier());
		}

	}

}
