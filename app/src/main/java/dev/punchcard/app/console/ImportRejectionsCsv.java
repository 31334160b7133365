package dev.punchcard.app.console;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.List;

import dev.punchcard.app.web.CsvLines;
import dev.punchcard.core.imports.application.ImportCatalog;
import dev.punchcard.core.imports.domain.ImportId;
import dev.punchcard.core.imports.domain.Rejection;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An import's rejected lines as a CSV download ({@code line,reason}), written in chunks
 * as the database pages through them; a reason a spreadsheet would take for a formula is
 * kept as text.
 */
@Controller
class ImportRejectionsCsv {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final ImportCatalog catalog;

	ImportRejectionsCsv(ImportCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/console/imports/{id}/rejections")
	Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable UUID id) {
		ImportId importId = new ImportId(id);
		return this.catalog.find(importId)
			.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
			.map((found) -> ResponseEntity.ok()
				.contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("import-" + id + "-rejections.csv").build().toString())
				.body(body(importId)));
	}

	private Flux<DataBuffer> body(ImportId id) {
		return Flux.just(CsvLines.line(List.of("line", "reason")))
			.concatWith(this.catalog.allRejections(id)
				.map(ImportRejectionsCsv::line)
				.buffer(200)
				.map((lines) -> String.join("", lines)))
			.map((text) -> DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static String line(Rejection rejection) {
		return CsvLines.line(List.of(String.valueOf(rejection.lineNo()), rejection.reason()));
	}

}
