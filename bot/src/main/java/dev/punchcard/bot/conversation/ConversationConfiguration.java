package dev.punchcard.bot.conversation;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConversationProperties.class)
class ConversationConfiguration {

	@Bean
	ConversationStates conversationStates(ReactiveStringRedisTemplate redis, ObjectMapper json,
			ConversationProperties properties) {
		return new RedisConversationStates(redis, json, properties.flowTtl());
	}

}
