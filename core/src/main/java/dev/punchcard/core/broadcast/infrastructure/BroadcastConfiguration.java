package dev.punchcard.core.broadcast.infrastructure;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.broadcast.application.BroadcastCatalog;
import dev.punchcard.core.broadcast.application.BroadcastReads;
import dev.punchcard.core.broadcast.application.BroadcastTracking;
import dev.punchcard.core.broadcast.application.BroadcastWork;
import dev.punchcard.core.broadcast.application.Broadcasts;
import dev.punchcard.core.broadcast.application.CancelBroadcast;
import dev.punchcard.core.broadcast.application.CatchUpEarlyStatuses;
import dev.punchcard.core.broadcast.application.CreateBroadcast;
import dev.punchcard.core.broadcast.application.PauseBroadcast;
import dev.punchcard.core.broadcast.application.ResumeBroadcast;
import dev.punchcard.core.broadcast.application.RunBroadcastSchedule;
import dev.punchcard.core.broadcast.application.StartBroadcast;
import dev.punchcard.core.campaign.application.TelegramTemplates;
import dev.punchcard.core.campaign.application.WhatsAppTemplates;
import dev.punchcard.core.segment.application.Segments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class BroadcastConfiguration {

	@Bean
	Broadcasts broadcasts(DatabaseClient db, ObjectMapper json) {
		return new R2dbcBroadcasts(db, json);
	}

	@Bean
	BroadcastReads broadcastReads(DatabaseClient db) {
		return new R2dbcBroadcastReads(db);
	}

	@Bean
	R2dbcEarlyStatuses earlyBroadcastStatuses(DatabaseClient db) {
		return new R2dbcEarlyStatuses(db);
	}

	@Bean
	BroadcastWork broadcastWork(DatabaseClient db, ObjectMapper json, Clock clock, BroadcastProperties properties,
			R2dbcEarlyStatuses early) {
		return new R2dbcBroadcastWork(db, new UseJson(json), clock, properties, early);
	}

	@Bean
	BroadcastTracking broadcastTracking(DatabaseClient db, Clock clock, R2dbcEarlyStatuses early) {
		return new R2dbcBroadcastTracking(db, clock, early);
	}

	@Bean
	CreateBroadcast createBroadcast(Segments segments, WhatsAppTemplates whatsApp, TelegramTemplates telegram,
			Broadcasts broadcasts, Clock clock) {
		return new CreateBroadcast(segments, whatsApp, telegram, broadcasts, clock);
	}

	@Bean
	StartBroadcast startBroadcast(Broadcasts broadcasts, Segments segments, Clock clock) {
		return new StartBroadcast(broadcasts, segments, clock);
	}

	@Bean
	PauseBroadcast pauseBroadcast(Broadcasts broadcasts, Clock clock) {
		return new PauseBroadcast(broadcasts, clock);
	}

	@Bean
	ResumeBroadcast resumeBroadcast(Broadcasts broadcasts, WhatsAppTemplates whatsApp, TelegramTemplates telegram,
			Clock clock) {
		return new ResumeBroadcast(broadcasts, whatsApp, telegram, clock);
	}

	@Bean
	CancelBroadcast cancelBroadcast(Broadcasts broadcasts, Clock clock) {
		return new CancelBroadcast(broadcasts, clock);
	}

	@Bean
	BroadcastCatalog broadcastCatalog(Broadcasts broadcasts, BroadcastReads reads, Clock clock,
			BroadcastProperties properties) {
		return new BroadcastCatalog(broadcasts, reads, clock, properties.streamPage(), properties.maxPage());
	}

	@Bean
	RunBroadcastSchedule runBroadcastSchedule(Broadcasts broadcasts, Segments segments, Clock clock) {
		return new RunBroadcastSchedule(broadcasts, segments, clock);
	}

	@Bean
	@ConditionalOnProperty(name = "punchcard.broadcasts.scheduled", havingValue = "true", matchIfMissing = true)
	BroadcastSchedule broadcastSchedule(RunBroadcastSchedule schedule, BroadcastProperties properties) {
		return new BroadcastSchedule(schedule, properties.checkEvery());
	}

	@Bean
	CatchUpEarlyStatuses catchUpEarlyStatuses(R2dbcEarlyStatuses early, BroadcastProperties properties, Clock clock) {
		return new CatchUpEarlyStatuses(early, properties.earlyStatusTtl(), properties.earlyStatusCatchUp().batch(),
				clock);
	}

	@Bean
	@ConditionalOnProperty(
			name = { "punchcard.broadcasts.scheduled", "punchcard.broadcasts.early-status-catch-up.scheduled" },
			havingValue = "true", matchIfMissing = true)
	EarlyStatusCatchUpSchedule earlyStatusCatchUpSchedule(CatchUpEarlyStatuses catchUp,
			BroadcastProperties properties) {
		return new EarlyStatusCatchUpSchedule(catchUp, properties.earlyStatusCatchUp().every());
	}

}
