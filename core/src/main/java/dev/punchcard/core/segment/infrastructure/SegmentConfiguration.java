package dev.punchcard.core.segment.infrastructure;

import java.time.Clock;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.points.domain.Tier;
import dev.punchcard.core.segment.application.Audiences;
import dev.punchcard.core.segment.application.ChangeSegment;
import dev.punchcard.core.segment.application.CreateSegment;
import dev.punchcard.core.segment.application.CustomerScores;
import dev.punchcard.core.segment.application.DeleteSegment;
import dev.punchcard.core.segment.application.FilterCheck;
import dev.punchcard.core.segment.application.FilterDocument;
import dev.punchcard.core.segment.application.PreviewSegment;
import dev.punchcard.core.segment.application.RecomputeScores;
import dev.punchcard.core.segment.application.SegmentCatalog;
import dev.punchcard.core.segment.application.Segments;
import dev.punchcard.core.store.application.Stores;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class SegmentConfiguration {

	@Bean
	FilterDocument filterDocument(LoyaltyProgram program, SegmentProperties properties) {
		return new FilterDocument(program.tiers().tiers().stream().map(Tier::name).toList(),
				Set.copyOf(properties.languages()));
	}

	@Bean
	FilterCheck filterCheck(FilterDocument document, Stores stores) {
		return new FilterCheck(document, stores);
	}

	@Bean
	Audiences audiences(DatabaseClient db) {
		return new R2dbcAudiences(db);
	}

	@Bean
	Segments segments(DatabaseClient db, ObjectMapper json, FilterDocument document) {
		return new R2dbcSegments(db, json, document);
	}

	@Bean
	CustomerScores customerScores(DatabaseClient db, SegmentProperties properties) {
		return new R2dbcCustomerScores(db, properties.scores().defaultGap());
	}

	@Bean
	PreviewSegment previewSegment(FilterCheck filters, Audiences audiences, Clock clock) {
		return new PreviewSegment(filters, audiences, clock);
	}

	@Bean
	CreateSegment createSegment(FilterCheck filters, Segments segments, Audiences audiences, Clock clock) {
		return new CreateSegment(filters, segments, audiences, clock);
	}

	@Bean
	ChangeSegment changeSegment(FilterCheck filters, Segments segments, Audiences audiences, Clock clock) {
		return new ChangeSegment(filters, segments, audiences, clock);
	}

	@Bean
	DeleteSegment deleteSegment(Segments segments, Clock clock) {
		return new DeleteSegment(segments, clock);
	}

	@Bean
	SegmentCatalog segmentCatalog(Segments segments, Audiences audiences, Clock clock) {
		return new SegmentCatalog(segments, audiences, clock);
	}

	@Bean
	RecomputeScores recomputeScores(CustomerScores scores, SegmentProperties properties, Clock clock) {
		return new RecomputeScores(scores, properties.scores().interval(), clock);
	}

	@Bean
	@ConditionalOnProperty(name = "punchcard.segments.scores.scheduled", havingValue = "true", matchIfMissing = true)
	ScoreSchedule scoreSchedule(RecomputeScores recompute, SegmentProperties properties) {
		return new ScoreSchedule(recompute, properties.scores().checkEvery());
	}

}
