package dev.hitter.gateway.error;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.problem.Problems;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reactor Netty refuses a request it cannot decode (a request line or headers over the limits, a broken request
 * line) before Spring sees it, with a bare 400, 414 or 431: no body, no Content-Type. This handler, on the
 * connection's pipeline, gives that answer the problem+json body every other refusal has (type
 * malformed-request, the real status kept).
 *
 * <p>
 * It recognises Reactor Netty's answer by its exact shape (HttpServerOperations.sendDecodingFailures: a full
 * response with an empty body and only {@code content-length: 0} and {@code connection: close}), so that an
 * answer of the application, which always has a Content-Type, is never touched.
 */
class DecodingFailureProblems extends ChannelDuplexHandler {

	private static final ObjectMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (msg instanceof FullHttpResponse response && isDecodingFailure(response)) {
			FullHttpResponse problem = problemFor(response);
			response.release();
			ctx.write(problem, promise);
			return;
		}
		ctx.write(msg, promise);
	}

	static boolean isDecodingFailure(FullHttpResponse response) {
		int status = response.status().code();
		return (status == 400 || status == 414 || status == 431) && response.content().readableBytes() == 0
				&& response.headers().size() == 2
				&& "0".equals(response.headers().get(HttpHeaderNames.CONTENT_LENGTH))
				&& response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
	}

	private static FullHttpResponse problemFor(FullHttpResponse bare) {
		int status = bare.status().code();
		// No instance: the path is what could not be read.
		ProblemDetail problem = Problems.of(ProblemType.MALFORMED_REQUEST, detail(status), null);
		problem.setStatus(status);
		byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
		FullHttpResponse answer = new DefaultFullHttpResponse(bare.protocolVersion(), bare.status(),
				Unpooled.wrappedBuffer(body));
		answer.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
			.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		return answer;
	}

	private static String detail(int status) {
		return switch (status) {
			case 414 -> "The request line (method, path and query) is longer than the gateway reads.";
			case 431 -> "The request's headers are larger than the gateway reads.";
			default -> "The request could not be read.";
		};
	}
}
