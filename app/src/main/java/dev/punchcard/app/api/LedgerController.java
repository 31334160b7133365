package dev.punchcard.app.api;

import java.util.UUID;

import dev.punchcard.app.security.CurrentStaff;
import dev.punchcard.core.points.application.AdjustPoints;
import dev.punchcard.core.points.application.AdjustPointsCommand;
import dev.punchcard.core.points.application.AdjustmentOutcome;
import dev.punchcard.core.points.application.CheckLedger;
import dev.punchcard.core.points.application.LedgerReport;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Administrators check the ledger's invariant and correct balances with a reason. */
@RestController
class LedgerController {

	private final CheckLedger checkLedger;

	private final AdjustPoints adjustPoints;

	LedgerController(CheckLedger checkLedger, AdjustPoints adjustPoints) {
		this.checkLedger = checkLedger;
		this.adjustPoints = adjustPoints;
	}

	@GetMapping("/api/v1/ledger/check")
	Mono<LedgerCheckResponse> check() {
		return this.checkLedger.check().map(LedgerCheckResponse::of);
	}

	@PostMapping("/api/v1/customers/{id}/adjustments")
	Mono<ResponseEntity<Object>> adjust(@PathVariable UUID id, @Valid @RequestBody AdjustmentRequest request,
			@AuthenticationPrincipal Jwt admin) {
		if (request.points() == 0) {
			return Mono.just(Problems.badRequest("points: must not be 0"));
		}
		return this.adjustPoints
			.adjust(new AdjustPointsCommand(new CustomerId(id), Points.of(request.points()), request.reason().strip(),
					request.adjustmentKey(), CurrentStaff.of(admin).username()))
			.map((outcome) -> response(id, outcome));
	}

	private static ResponseEntity<Object> response(UUID id, AdjustmentOutcome outcome) {
		return switch (outcome) {
			case AdjustmentOutcome.Adjusted adjusted -> ResponseEntity.status(HttpStatus.CREATED)
				.body(new AdjustmentResponse(adjusted.delta().value(), adjusted.balance().value()));
			case AdjustmentOutcome.AlreadyAdjusted again ->
				Problems.conflict("The adjustment " + again.adjustmentKey() + " was already applied.");
			case AdjustmentOutcome.WouldGoNegative negative -> Problems.unprocessable("Balance too low",
					"The balance is " + negative.balance() + " points; it cannot go below zero.");
			case AdjustmentOutcome.UnknownCustomer unknown -> Problems.notFound("No customer has id " + id + ".");
		};
	}

	record AdjustmentRequest(@NotNull @Min(-1_000_000_000) @Max(1_000_000_000) Long points,
			@NotBlank @Size(max = 500) @CleanText String reason, @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}",
					message = "must be 1-64 letters, digits, . _ : or -") String adjustmentKey) {
	}

	record AdjustmentResponse(long points, long balance) {
	}

	record LedgerCheckResponse(java.time.Instant checkedAt, long balancesChecked, boolean consistent,
			java.util.List<Mismatch> mismatches, java.util.List<OverExpired> overExpired) {

		static LedgerCheckResponse of(LedgerReport report) {
			return new LedgerCheckResponse(report.checkedAt(), report.balancesChecked(), report.consistent(),
					report.mismatches()
						.stream()
						.map((mismatch) -> new Mismatch(mismatch.customerId().toString(), mismatch.balance(),
								mismatch.ledgerSum()))
						.toList(),
					report.expiryMismatches()
						.stream()
						.map((mismatch) -> new OverExpired(mismatch.customerId().toString(), mismatch.expired(),
								mismatch.dueLots()))
						.toList());
		}

	}

	record OverExpired(String customerId, long expired, long dueLots) {
	}

	record Mismatch(String customerId, long balance, long ledgerSum) {
	}

}
