package dev.hitter.gateway.error;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/** Puts {@link DecodingFailureProblems} on every HTTP/1.1 connection of the gateway. */
@Component
class DecodingFailureAnswers implements NettyServerCustomizer {

	static final String HANDLER_NAME = "hitter.decodingFailureProblems";

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnChannelInit((observer, channel, remoteAddress) -> {
			// Tail-side of the codec: Reactor Netty writes its refusal from the channel's tail, through here.
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, new DecodingFailureProblems());
			}
		});
	}
}
