package dev.punchcard.app.api;

import dev.punchcard.core.customer.application.CustomerProfiles;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A till validates a scanned member card before recording a purchase. */
@RestController
class CardController {

	private final CustomerProfiles profiles;

	CardController(CustomerProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/api/v1/cards/{cardCode}")
	Mono<ResponseEntity<Object>> validate(@PathVariable String cardCode) {
		return this.profiles.byCardCode(cardCode)
			.map((profile) -> ResponseEntity.ok()
				.<Object>body(new CardHolder(profile.id().toString(), profile.name(), profile.tier(), profile.balance(),
						profile.status().name())))
			.switchIfEmpty(Mono.fromSupplier(() -> Problems
				.notFound("This card code is not valid: it may be mistyped, forged or replaced by a newer card.")));
	}

	record CardHolder(String customerId, String name, String tier, long balance, String status) {
	}

}
