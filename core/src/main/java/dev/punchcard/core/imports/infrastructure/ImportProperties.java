package dev.punchcard.core.imports.infrastructure;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * CSV imports ({@code punchcard.imports}).
 *
 * @param directory where uploaded files are kept while they are imported
 * @param maxFileSize the largest upload accepted
 * @param chunkSize lines imported per chunk (one progress update each)
 * @param purchaseConcurrency purchases of a chunk recorded at once
 * @param staleAfter a RUNNING import whose heartbeat is older is marked INTERRUPTED
 * @param watch whether this instance looks for stale imports
 * @param watchEvery how often it looks
 */
@Validated
@ConfigurationProperties("punchcard.imports")
public record ImportProperties(@DefaultValue("./data/imports") @NotNull Path directory,
		@DefaultValue("2GB") @NotNull DataSize maxFileSize, @DefaultValue("500") @Min(1) @Max(10_000) int chunkSize,
		@DefaultValue("8") @Min(1) @Max(64) int purchaseConcurrency, @DefaultValue("2m") @NotNull Duration staleAfter,
		@DefaultValue("true") boolean watch, @DefaultValue("30s") @NotNull Duration watchEvery) {

}
