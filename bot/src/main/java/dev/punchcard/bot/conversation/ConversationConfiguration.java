package dev.punchcard.bot.conversation;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

	@Bean
	ConversationStates conversationStates(ReactiveStringRedisTemplate redis, ObjectMapper json,
			@Value("${punchcard.bot.flow-ttl:30m}") Duration ttl) {
		return new RedisConversationStates(redis, json, ttl);
	}

}
