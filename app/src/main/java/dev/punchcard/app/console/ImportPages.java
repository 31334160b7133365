package dev.punchcard.app.console;

import java.util.UUID;

import dev.punchcard.core.imports.application.ImportCatalog;
import dev.punchcard.core.imports.application.ImportView;
import dev.punchcard.core.imports.domain.ImportId;
import dev.punchcard.core.imports.domain.ImportState;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Administrators follow CSV imports: the list with each one's state and counts, and an
 * import's page whose progress htmx refreshes every second while it runs, with its first
 * rejected lines once it ended. Uploading is {@link ImportUpload}, the rejections
 * download {@link ImportRejectionsCsv}.
 */
@Controller
class ImportPages {

	static final int PAGE_SIZE = 20;

	/** How many rejected lines an import's page shows; the download has them all. */
	static final int REJECTIONS_SHOWN = 20;

	/** How often an import's page asks for its progress, in seconds. */
	static final int POLL_SECONDS = 1;

	private final ImportCatalog catalog;

	ImportPages(ImportCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/console/imports")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		list(this.catalog, page, model);
		return "console/imports";
	}

	/** What the imports page shows; also after a refused upload without JavaScript. */
	static void list(ImportCatalog catalog, int page, Model model) {
		int at = Math.min(Math.max(0, page), 100_000);
		model.addAttribute("imports", catalog.list(at, PAGE_SIZE).collectList());
		model.addAttribute("page", at);
		model.addAttribute("size", PAGE_SIZE);
	}

	@GetMapping("/console/imports/{id}")
	Mono<String> show(@PathVariable UUID id, Model model) {
		return view(id, model).thenReturn("console/import");
	}

	@GetMapping("/console/imports/{id}/progress")
	Mono<String> progress(@PathVariable UUID id, Model model) {
		return view(id, model).thenReturn("console/import :: progress");
	}

	private Mono<Void> view(UUID id, Model model) {
		ImportId importId = new ImportId(id);
		return this.catalog.find(importId)
			.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
			.flatMap((found) -> rejections(found, model))
			.then();
	}

	private Mono<ImportView> rejections(ImportView found, Model model) {
		boolean running = found.state() == ImportState.RUNNING;
		model.addAttribute("view", found);
		model.addAttribute("running", running);
		model.addAttribute("pollSeconds", POLL_SECONDS);
		if (running || found.rejected() == 0) {
			model.addAttribute("rejections", java.util.List.of());
			return Mono.just(found);
		}
		return this.catalog.rejections(found.id(), 0, REJECTIONS_SHOWN)
			.collectList()
			.doOnNext((rows) -> model.addAttribute("rejections", rows))
			.thenReturn(found);
	}

}
