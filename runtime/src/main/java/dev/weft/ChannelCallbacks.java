package dev.weft;

import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * The reader and writer of one channel registered with a loop: the attachment of its one
 * {@link SelectionKey} (Python's {@code key.data = (reader, writer)}). Its interest follows the
 * callbacks: reading (accepting, for a server channel) while there is a reader, writing
 * (connecting, while a connection is pending) while there is a writer, none when neither.
 * The key stays until the channel is closed, so that pausing and resuming never re-registers.
 */
final class ChannelCallbacks {
    final SelectableChannel channel;
    SelectionKey key;
    Handle reader;
    Handle writer;

    ChannelCallbacks(SelectableChannel channel) {
        this.channel = channel;
    }

    /** Sets the key's interest from the callbacks present. */
    void update() {
        if (!key.isValid()) {
            return; // the channel was closed: nothing to wait for
        }
        int valid = channel.validOps();
        int ops = 0;
        if (reader != null) {
            ops |= valid & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
        }
        if (writer != null) {
            boolean connecting = channel instanceof SocketChannel && ((SocketChannel) channel).isConnectionPending();
            ops |= connecting ? SelectionKey.OP_CONNECT : valid & SelectionKey.OP_WRITE;
        }
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }
}
