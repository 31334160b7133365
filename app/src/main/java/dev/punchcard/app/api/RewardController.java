package dev.punchcard.app.api;

import java.net.URI;
import java.util.UUID;

import dev.punchcard.core.reward.application.RewardCatalog;
import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.shared.domain.RewardId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The reward catalog: administrators create, update and deactivate; all staff list. */
@RestController
@RequestMapping("/api/v1/rewards")
class RewardController {

	private final RewardCatalog catalog;

	RewardController(RewardCatalog catalog) {
		this.catalog = catalog;
	}

	@PostMapping
	Mono<ResponseEntity<RewardResponse>> create(@Valid @RequestBody RewardRequest request) {
		return this.catalog
			.create(request.name().strip(), request.descriptionOrEmpty(), request.costPoints(), request.stock())
			.map((reward) -> ResponseEntity.created(URI.create("/api/v1/rewards/" + reward.id()))
				.body(RewardResponse.of(reward)));
	}

	@GetMapping
	Flux<RewardResponse> list(@RequestParam(defaultValue = "false") boolean activeOnly) {
		return this.catalog.list(activeOnly).map(RewardResponse::of);
	}

	@GetMapping("/{id}")
	Mono<ResponseEntity<Object>> get(@PathVariable UUID id) {
		return this.catalog.find(new RewardId(id))
			.map((reward) -> ResponseEntity.ok().<Object>body(RewardResponse.of(reward)))
			.switchIfEmpty(Mono.fromSupplier(() -> unknown(id)));
	}

	@PutMapping("/{id}")
	Mono<ResponseEntity<Object>> update(@PathVariable UUID id, @Valid @RequestBody RewardRequest request) {
		Reward changed = new Reward(new RewardId(id), request.name().strip(), request.descriptionOrEmpty(),
				request.costPoints(), request.stock(), request.active() == null || request.active());
		return this.catalog.update(changed)
			.map((reward) -> ResponseEntity.ok().<Object>body(RewardResponse.of(reward)))
			.switchIfEmpty(Mono.fromSupplier(() -> unknown(id)));
	}

	@PostMapping("/{id}/deactivate")
	Mono<ResponseEntity<Object>> deactivate(@PathVariable UUID id) {
		return this.catalog.find(new RewardId(id))
			.flatMap((reward) -> this.catalog.update(new Reward(reward.id(), reward.name(), reward.description(),
					reward.costPoints(), reward.stock(), false)))
			.map((reward) -> ResponseEntity.ok().<Object>body(RewardResponse.of(reward)))
			.switchIfEmpty(Mono.fromSupplier(() -> unknown(id)));
	}

	private static ResponseEntity<Object> unknown(UUID id) {
		return Problems.notFound("No reward has id " + id + ".");
	}

	record RewardRequest(@NotBlank @Size(max = 100) @CleanText String name,
			@Nullable @Size(max = 1000) @CleanText(multiLine = true) String description,
			@NotNull @Positive @Max(1_000_000_000) Long costPoints,
			@Nullable @PositiveOrZero @Max(Reward.MAX_STOCK) Integer stock, @Nullable Boolean active) {

		String descriptionOrEmpty() {
			return this.description == null ? "" : this.description.strip();
		}

	}

	record RewardResponse(String id, String name, String description, long costPoints, @Nullable Integer stock,
			boolean active) {

		static RewardResponse of(Reward reward) {
			return new RewardResponse(reward.id().toString(), reward.name(), reward.description(), reward.costPoints(),
					reward.stock(), reward.active());
		}

	}

}
