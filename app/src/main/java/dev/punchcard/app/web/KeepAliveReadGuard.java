package dev.punchcard.app.web;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Keeps a keep-alive connection reading after Reactor Netty 1.2 hands it a request it had
 * to hold back.
 * <p>
 * When a client sends its next request before the server has finished with the previous
 * one (which happens on a busy server even when the client waits for each answer),
 * Reactor Netty holds the new request back and hands it on later from a task of its own.
 * If that request is answered at once, the task ends without asking the socket for more,
 * and nothing else ever does: the client's following request is never read and waits
 * until the client gives up. Reactor Netty fixed this in 1.3.8 (issue #4361, pull request
 * #4347); Spring Boot 3.5 ships 1.2, whose last release (1.2.18) still has it. Measured
 * here before this guard: 12 to 16 in 1,500 back-to-back health requests on one
 * connection went unanswered (see {@code KeepAliveIT}).
 * <p>
 * A request read from the socket is followed, before any task runs, by
 * {@code channelReadComplete}; one handed on from the held-back queue is not. So when the
 * last part of a request passes through, this handler checks once the current task is
 * done whether a socket read completed meanwhile, and if none did, asks for one. Reading
 * then at worst fetches the next request early, which Reactor Netty queues as it always
 * does; it never drops or reorders anything.
 */
final class KeepAliveReadGuard extends ChannelInboundHandlerAdapter {

	/** The name of this handler in the channel's pipeline. */
	static final String NAME = "punchcard.keepAliveReadGuard";

	private boolean checkScheduled;

	private boolean socketReadCompleted;

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof LastHttpContent && !this.checkScheduled) {
			this.checkScheduled = true;
			this.socketReadCompleted = false;
			ctx.executor().execute(() -> readUnlessASocketReadCompleted(ctx));
		}
		ctx.fireChannelRead(msg);
	}

	@Override
	public void channelReadComplete(ChannelHandlerContext ctx) {
		this.socketReadCompleted = true;
		ctx.fireChannelReadComplete();
	}

	private void readUnlessASocketReadCompleted(ChannelHandlerContext ctx) {
		this.checkScheduled = false;
		if (!this.socketReadCompleted && ctx.channel().isActive()) {
			ctx.read();
		}
	}

}
