package dev.punchcard.app.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.card.domain.QrImage;
import dev.punchcard.core.customer.application.CustomerProfile;
import dev.punchcard.core.points.domain.DueExpiry;
import dev.punchcard.core.customer.application.CustomerProfiles;
import dev.punchcard.core.customer.application.EnrolCustomer;
import dev.punchcard.core.customer.application.EnrolCustomerCommand;
import dev.punchcard.core.customer.application.EnrolmentOutcome;
import dev.punchcard.core.customer.application.ReissueCard;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.shared.domain.CustomerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Enrolling customers at the till, and reading profiles, ledgers and member cards. */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

	private final EnrolCustomer enrolCustomer;

	private final CustomerProfiles profiles;

	private final PointsLedger ledger;

	private final ReissueCard reissueCard;

	CustomerController(EnrolCustomer enrolCustomer, CustomerProfiles profiles, PointsLedger ledger,
			ReissueCard reissueCard) {
		this.enrolCustomer = enrolCustomer;
		this.profiles = profiles;
		this.ledger = ledger;
		this.reissueCard = reissueCard;
	}

	@PostMapping
	Mono<ResponseEntity<Object>> enrol(@Valid @RequestBody EnrolRequest request) {
		return this.enrolCustomer
			.enrol(new EnrolCustomerCommand(request.name(), request.phone(), request.languageOrDefault(),
					request.homeStoreCode()))
			.map(CustomerController::enrolled);
	}

	@GetMapping("/{id}")
	Mono<ResponseEntity<Object>> profile(@PathVariable UUID id) {
		return this.profiles.byId(new CustomerId(id))
			.map((profile) -> ResponseEntity.ok().<Object>body(ProfileResponse.of(profile)))
			.switchIfEmpty(Mono.fromSupplier(() -> unknown(id)));
	}

	@GetMapping("/{id}/ledger")
	Mono<ResponseEntity<Object>> ledger(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Optional<PageRequest> paging = PageRequest.of(page, size);
		if (paging.isEmpty()) {
			return Mono.just(PageRequest.invalid());
		}
		CustomerId customer = new CustomerId(id);
		return this.ledger.balanceOf(customer)
			.flatMap((balance) -> Mono
				.zip(this.ledger.entriesOf(customer, page, size).map(EntryResponse::of).collectList(),
						this.ledger.countEntriesOf(customer))
				.map((found) -> ResponseEntity.ok()
					.<Object>body(new LedgerPage(page, size, found.getT2(), balance.value(), found.getT1()))))
			.switchIfEmpty(Mono.fromSupplier(() -> unknown(id)));
	}

	@GetMapping(value = "/{id}/card.png", produces = MediaType.IMAGE_PNG_VALUE)
	Mono<ResponseEntity<Object>> card(@PathVariable UUID id, @RequestParam(defaultValue = "400") int size) {
		if (size < QrImage.MIN_SIZE || size > QrImage.MAX_SIZE) {
			return Mono.just(Problems
				.badRequest("size must be between " + QrImage.MIN_SIZE + " and " + QrImage.MAX_SIZE + " pixels."));
		}
		return this.profiles.byId(new CustomerId(id))
			.map((profile) -> ResponseEntity.ok()
				.contentType(MediaType.IMAGE_PNG)
				.cacheControl(CacheControl.noStore())
				.<Object>body(QrImage.png(profile.cardCode(), size)))
			.switchIfEmpty(Mono.fromSupplier(() -> unknown(id)));
	}

	@PostMapping("/{id}/card/reissue")
	Mono<ResponseEntity<Object>> reissue(@PathVariable UUID id) {
		return this.reissueCard.reissue(new CustomerId(id))
			.map((code) -> ResponseEntity.ok().<Object>body(new CardResponse(code, CodeSigner.grouped(code))))
			.switchIfEmpty(Mono.fromSupplier(() -> unknown(id)));
	}

	private static ResponseEntity<Object> enrolled(EnrolmentOutcome outcome) {
		return switch (outcome) {
			case EnrolmentOutcome.Enrolled enrolled ->
				ResponseEntity.created(URI.create("/api/v1/customers/" + enrolled.customer().id()))
					.body(new EnrolResponse(enrolled.customer().id().toString(), enrolled.cardCode(),
							CodeSigner.grouped(enrolled.cardCode()), enrolled.customer().referralCode()));
			case EnrolmentOutcome.PhoneTaken taken ->
				Problems.conflict("A customer with this phone number is already enrolled.");
			case EnrolmentOutcome.InvalidPhone invalid ->
				Problems.unprocessable("Invalid phone number", "The phone number is not a valid number.");
			case EnrolmentOutcome.UnknownStore unknown ->
				Problems.unprocessable("Unknown store", "No store has code " + unknown.storeCode() + ".");
		};
	}

	static ResponseEntity<Object> unknown(UUID id) {
		return Problems.notFound("No customer has id " + id + ".");
	}

	record EnrolRequest(@NotBlank @Size(max = 100) @CleanText String name,
			@Nullable @Size(max = 32) @CleanText String phone,
			@Nullable @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?",
					message = "must be a language tag like en or ru") String language,
			@Nullable @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be a store code") String homeStoreCode) {

		String languageOrDefault() {
			return this.language == null ? "en" : this.language;
		}

		@Override
		public String toString() {
			return "EnrolRequest[store=" + this.homeStoreCode + "]";
		}

	}

	record EnrolResponse(String customerId, String cardCode, String cardCodeGrouped, String referralCode) {
	}

	record CardResponse(String cardCode, String cardCodeGrouped) {
	}

	record ProfileResponse(String id, String name, @Nullable String phone, String language,
			@Nullable String homeStoreCode, String status, String tier, long balance, long netSpendMinor,
			@Nullable String nextTier, long spendToNextTierMinor, Instant memberSince, String referralCode,
			@Nullable String rfmClass, @Nullable String churnRisk, @Nullable NextExpiry nextExpiry) {

		static ProfileResponse of(CustomerProfile profile) {
			DueExpiry next = profile.nextExpiry();
			return new ProfileResponse(profile.id().toString(), profile.name(), profile.phone(), profile.language(),
					profile.homeStoreCode(), profile.status().name(), profile.tier(), profile.balance(),
					profile.netSpendMinor(), profile.nextTier(), profile.spendToNextTierMinor(), profile.memberSince(),
					profile.referralCode(), profile.rfmClass(), profile.churnRisk(),
					(next == null) ? null : new NextExpiry(next.points(), next.lastDay(), next.at()));
		}

	}

	/**
	 * The next points to expire: how many, the last day (UTC) they can be spent, and the
	 * instant they expire.
	 */
	record NextExpiry(long points, java.time.LocalDate lastDay, Instant expiresAt) {
	}

	record EntryResponse(String id, long points, String kind, String reason, String sourceType, String sourceId,
			Instant occurredAt, @Nullable String createdBy) {

		static EntryResponse of(LedgerEntry entry) {
			return new EntryResponse(entry.id().toString(), entry.delta().value(), entry.kind().name(), entry.reason(),
					entry.sourceType(), entry.sourceId(), entry.occurredAt(), entry.createdBy());
		}

	}

	record LedgerPage(int page, int size, long totalEntries, long balance, List<EntryResponse> entries) {
	}

}
