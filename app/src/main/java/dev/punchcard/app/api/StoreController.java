package dev.punchcard.app.api;

import java.net.URI;

import dev.punchcard.core.store.application.OpenStore;
import dev.punchcard.core.store.application.Stores;
import dev.punchcard.core.store.domain.Store;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Administrators open and list stores. */
@RestController
@RequestMapping("/api/v1/stores")
class StoreController {

	private final OpenStore openStore;

	private final Stores stores;

	StoreController(OpenStore openStore, Stores stores) {
		this.openStore = openStore;
		this.stores = stores;
	}

	@PostMapping
	Mono<ResponseEntity<Object>> open(@Valid @RequestBody StoreRequest request) {
		return this.openStore.open(request.code(), request.name().strip())
			.map((store) -> ResponseEntity.created(URI.create("/api/v1/stores/" + store.code()))
				.<Object>body(StoreResponse.of(store)))
			.switchIfEmpty(Mono
				.fromSupplier(() -> Problems.conflict("A store with code " + request.code() + " already exists.")));
	}

	@GetMapping
	Flux<StoreResponse> list() {
		return this.stores.all().map(StoreResponse::of);
	}

	record StoreRequest(
			@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}",
					message = "must be 1-32 letters, digits, _ or -") String code,
			@NotBlank @Size(max = 100) @CleanText String name) {
	}

	record StoreResponse(String id, String code, String name, boolean active) {

		static StoreResponse of(Store store) {
			return new StoreResponse(store.id().toString(), store.code(), store.name(), store.active());
		}

	}

}
