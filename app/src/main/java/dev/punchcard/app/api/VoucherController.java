package dev.punchcard.app.api;

import java.net.URI;
import java.util.UUID;

import dev.punchcard.app.security.CurrentStaff;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.reward.application.CancelVoucher;
import dev.punchcard.core.reward.application.HonourVoucher;
import dev.punchcard.core.reward.application.RedeemReward;
import dev.punchcard.core.reward.application.RedemptionOutcome;
import dev.punchcard.core.reward.application.VoucherOutcome;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.RewardId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Redeeming rewards at the till, and honouring or cancelling the vouchers they issue. */
@RestController
class VoucherController {

	private final RedeemReward redeemReward;

	private final HonourVoucher honourVoucher;

	private final CancelVoucher cancelVoucher;

	VoucherController(RedeemReward redeemReward, HonourVoucher honourVoucher, CancelVoucher cancelVoucher) {
		this.redeemReward = redeemReward;
		this.honourVoucher = honourVoucher;
		this.cancelVoucher = cancelVoucher;
	}

	@PostMapping("/api/v1/customers/{id}/redemptions")
	Mono<ResponseEntity<Object>> redeem(@PathVariable UUID id, @Valid @RequestBody RedemptionRequest request) {
		return this.redeemReward.redeem(new CustomerId(id), new RewardId(request.rewardId()), request.requestKey())
			.map((outcome) -> redeemed(id, outcome));
	}

	@PostMapping("/api/v1/vouchers/{code}/honour")
	Mono<ResponseEntity<Object>> honour(@PathVariable String code, @AuthenticationPrincipal Jwt token) {
		return this.honourVoucher.honour(code, CurrentStaff.of(token).id()).map(VoucherController::answered);
	}

	@PostMapping("/api/v1/vouchers/{code}/cancel")
	Mono<ResponseEntity<Object>> cancel(@PathVariable String code) {
		return this.cancelVoucher.cancel(code).map(VoucherController::answered);
	}

	private static ResponseEntity<Object> redeemed(UUID customerId, RedemptionOutcome outcome) {
		return switch (outcome) {
			case RedemptionOutcome.Redeemed done ->
				ResponseEntity.created(URI.create("/api/v1/vouchers/" + done.voucherCode()))
					.body(new VoucherResponse(done.voucher().id().toString(), done.voucherCode(),
							CodeSigner.grouped(done.voucherCode()), done.reward().name(), done.voucher().costPoints(),
							done.balance()));
			case RedemptionOutcome.AlreadyRedeemed again ->
				ResponseEntity.ok(new VoucherResponse(again.voucher().id().toString(), again.voucherCode(),
						CodeSigner.grouped(again.voucherCode()), again.reward().name(), again.voucher().costPoints(),
						again.balance()));
			case RedemptionOutcome.NotEnoughPoints low -> Problems.unprocessable("Not enough points",
					"The reward costs " + low.cost() + " points; the balance is " + low.balance() + ".");
			case RedemptionOutcome.OutOfStock none ->
				Problems.unprocessable("Out of stock", "This reward is out of stock.");
			case RedemptionOutcome.UnknownReward unknown ->
				Problems.unprocessable("Unknown reward", "No active reward has this id.");
			case RedemptionOutcome.UnknownCustomer unknown -> CustomerController.unknown(customerId);
		};
	}

	private static ResponseEntity<Object> answered(VoucherOutcome outcome) {
		return switch (outcome) {
			case VoucherOutcome.Honoured honoured ->
				ResponseEntity.ok(new VoucherState(honoured.voucher().id().toString(), "HONOURED", null));
			case VoucherOutcome.Cancelled cancelled -> ResponseEntity
				.ok(new VoucherState(cancelled.voucher().id().toString(), "CANCELLED", cancelled.balance()));
			case VoucherOutcome.AlreadyHonoured used -> Problems.of(HttpStatus.CONFLICT, "Voucher already used",
					"This voucher was already used at " + used.honouredAt() + ".");
			case VoucherOutcome.AlreadyCancelled cancelled ->
				Problems.of(HttpStatus.CONFLICT, "Voucher cancelled", "This voucher was cancelled.");
			case VoucherOutcome.UnknownVoucher unknown ->
				Problems.notFound("This voucher code is not valid: it may be mistyped or forged.");
		};
	}

	record RedemptionRequest(@NotNull UUID rewardId, @Nullable @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}",
			message = "must be 1-64 letters, digits, . _ : or -") String requestKey) {
	}

	record VoucherResponse(String voucherId, String voucherCode, String voucherCodeGrouped, String reward,
			long costPoints, long balance) {
	}

	record VoucherState(String voucherId, String status, @Nullable Long balance) {
	}

}
