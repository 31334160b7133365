package dev.punchcard.app.web;

import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/** Reactor Netty as every endpoint needs it. */
@Configuration(proxyBeanMethods = false)
class HttpServerConfiguration {

	/**
	 * Every HTTP/1.1 connection gets a {@link KeepAliveReadGuard} right behind Reactor
	 * Netty's traffic handler, where the requests it holds back are handed on.
	 */
	@Bean
	NettyServerCustomizer keepAliveReadGuard() {
		return (server) -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
				channel.pipeline()
					.addAfter(NettyPipeline.HttpTrafficHandler, KeepAliveReadGuard.NAME, new KeepAliveReadGuard());
			}
		});
	}

}
