package dev.weft.benchmarks.echo;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Path;

/**
 * The Netty baseline of the echo benchmark: one event-loop thread accepts and serves every
 * connection, writing back each buffer read and flushing when a read burst ends (Netty's own
 * echo example). Arguments: {@code --port P [--transport nio|epoll] [--tls store.p12]}; with
 * {@code --tls} an {@code SslHandler} of the JDK provider ({@link EchoTls}) comes first.
 */
public final class NettyEchoServer {
    private NettyEchoServer() {
    }

    /**
     * Serves until killed.
     *
     * @param args {@code --port P [--transport nio|epoll] [--tls store.p12]}
     * @throws Exception if the port is taken or epoll is not available
     */
    public static void main(String[] args) throws Exception {
        int port = port(args);
        boolean epoll = "epoll".equals(option(args, "--transport", "nio"));
        String tls = option(args, "--tls", null);
        SslContext ssl = tls == null ? null
                : SslContextBuilder.forServer(EchoTls.keyManagers(Path.of(tls))).sslProvider(SslProvider.JDK).build();
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        Echo echo = new Echo();
        ServerBootstrap b = new ServerBootstrap()
                .group(loop)
                .channel(channel)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel c) {
                        if (ssl != null) {
                            c.pipeline().addLast(ssl.newHandler(c.alloc()));
                        }
                        c.pipeline().addLast(echo);
                    }
                });
        Channel server = b.bind("127.0.0.1", port).sync().channel();
        System.out.println("netty " + (epoll ? "epoll" : "nio") + (ssl == null ? "" : " tls") + " echo server listening on "
                + server.localAddress());
        server.closeFuture().sync();
    }

    /** Writes back what it reads; flushes once per read burst. */
    @Sharable
    static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** The {@code --port} of a server's arguments. */
    static int port(String[] args) {
        String p = option(args, "--port", null);
        if (p == null) {
            throw new IllegalArgumentException("usage: --port P [options]");
        }
        return Integer.parseInt(p);
    }

    /** The value after {@code name} in {@code args}, or {@code otherwise}. */
    static String option(String[] args, String name, String otherwise) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return otherwise;
    }
}
